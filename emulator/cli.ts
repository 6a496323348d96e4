#!/usr/bin/env node
/**
 * feishu-helpdesk-emulator: runs the emulator until interrupted. Prints its base URL on the
 * first line of stdout once it is listening, so scripts can read it.
 */
import { parseArgs } from "node:util";
import { demoCredentials } from "./credentials";
import { parseFaultOptions, type FaultOptions } from "./faults";
import { startEmulator } from "./server";

/** A mistake in the command line: answered with the usage text. */
class UsageError extends Error {}

const usage = `Usage: feishu-helpdesk-emulator [options]

A local emulator of the Feishu Helpdesk API: push campaigns (create, update, get, preview, review,
schedule, cancel, recall), the helpdesk bot message, and the tenant access token.

Options (each also read from the environment variable shown):
  --port N               TCP port, 0 for any free one         FEISHU_EMULATOR_PORT      (default 0)
  --host ADDR            listen address, keep it on loopback  FEISHU_EMULATOR_HOST      (default 127.0.0.1)
  --allow-remote-admin   let the admin routes answer peers beyond loopback
                                                              FEISHU_EMULATOR_ALLOW_REMOTE_ADMIN=1
  --data FILE            keep campaigns in FILE across restarts (mode 0600; no tokens kept)
                                                              FEISHU_EMULATOR_DATA (default: memory only)
  --app-id ID            app id accepted for tenant tokens    FEISHU_EMULATOR_APP_ID
  --app-secret S         app secret accepted                  FEISHU_EMULATOR_APP_SECRET
  --helpdesk-id ID       helpdesk id accepted                 FEISHU_EMULATOR_HELPDESK_ID
  --helpdesk-token T     helpdesk token accepted              FEISHU_EMULATOR_HELPDESK_TOKEN
  --user-token T         a user access token accepted (repeatable; comma-separated in the variable)
                                                              FEISHU_EMULATOR_USER_TOKENS
  --time-scale N         divide the rate-limit minute by N (60: 10/min becomes 10/s)
                                                              FEISHU_EMULATOR_TIME_SCALE (default 1)
  --no-rate-limits       do not throttle                      FEISHU_EMULATOR_RATE_LIMITS=off
  --auto-approve         approve campaigns as soon as they are submitted
                                                              FEISHU_EMULATOR_AUTO_APPROVE=1
  --faults JSON          inject faults: {"rules":[{"kinds":["internalError"],"rate":0.2,"method":"GET"}],"seed":7}
                                                              FEISHU_EMULATOR_FAULTS
  --max-recorded-requests N  keep the last N API requests in the request log
                                                              FEISHU_EMULATOR_MAX_RECORDED_REQUESTS (default 10000)
  -h, --help             this text

Credentials not given default to the demo ones (see the README); prefer the environment
variables to flags for anything you would not print, since flags show in \`ps\`.

Admin routes (no authentication; loopback peers and a Host of 127.0.0.1, localhost or [::1] only
unless --allow-remote-admin; never with an Origin header; bodies as Content-Type: application/json):
  GET  /__emulator/requests                 the API requests answered so far
  DELETE /__emulator/requests               forget them
  GET  /__emulator/notifications            every campaign
  POST /__emulator/notifications/ID/status  {"status": N}: set a campaign's status number
  POST /__emulator/notifications/ID/approve approve a campaign in review, as the helpdesk owner would
  GET  /__emulator/messages                 the helpdesk bot's messages, by receiver
  POST|DELETE /__emulator/tickets/ID        open or close a ticket for a receiver
  DELETE /__emulator/notifications/ID       remove a campaign, as deleting it in the console would
`;

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        port: { type: "string" },
        host: { type: "string" },
        data: { type: "string" },
        "app-id": { type: "string" },
        "app-secret": { type: "string" },
        "helpdesk-id": { type: "string" },
        "helpdesk-token": { type: "string" },
        "user-token": { type: "string", multiple: true },
        "time-scale": { type: "string" },
        "no-rate-limits": { type: "boolean" },
        "auto-approve": { type: "boolean" },
        "allow-remote-admin": { type: "boolean" },
        faults: { type: "string" },
        "max-recorded-requests": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function main(): Promise<void> {
  const { values } = parseCommandLine();
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const env = process.env;
  const port = Number(values.port ?? env.FEISHU_EMULATOR_PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be 0..65535, got ${values.port}`);
  const userTokens = values["user-token"] ?? env.FEISHU_EMULATOR_USER_TOKENS?.split(",").filter(Boolean);
  const timeScale = Number(values["time-scale"] ?? env.FEISHU_EMULATOR_TIME_SCALE ?? 1);
  if (!(timeScale > 0)) throw new UsageError(`--time-scale must be a positive number, got ${values["time-scale"]}`);
  const maxRecordedText = values["max-recorded-requests"] ?? env.FEISHU_EMULATOR_MAX_RECORDED_REQUESTS;
  const maxRecordedRequests = maxRecordedText === undefined ? undefined : Number(maxRecordedText);
  if (maxRecordedRequests !== undefined && !(Number.isInteger(maxRecordedRequests) && maxRecordedRequests >= 0))
    throw new UsageError(`--max-recorded-requests must be a whole number >= 0, got ${maxRecordedText}`);
  const faultsText = values.faults ?? env.FEISHU_EMULATOR_FAULTS;
  let faults: FaultOptions | undefined;
  try {
    faults = faultsText ? parseFaultOptions(JSON.parse(faultsText)) : undefined;
  } catch (error) {
    throw new UsageError(`--faults: ${(error as Error).message}`);
  }
  const emulator = await startEmulator({
    // Straight to stderr: a process warning would be silenced by NODE_NO_WARNINGS=1.
    warn: (warning) => process.stderr.write(`feishu-helpdesk-emulator: warning: ${warning}\n`),
    port,
    maxRecordedRequests,
    timeScale,
    autoApprove: values["auto-approve"] || env.FEISHU_EMULATOR_AUTO_APPROVE === "1",
    allowRemoteAdmin: values["allow-remote-admin"] || env.FEISHU_EMULATOR_ALLOW_REMOTE_ADMIN === "1",
    rateLimits: values["no-rate-limits"] || env.FEISHU_EMULATOR_RATE_LIMITS === "off" ? false : undefined,
    faults,
    host: values.host ?? env.FEISHU_EMULATOR_HOST,
    dataFile: values.data ?? env.FEISHU_EMULATOR_DATA,
    credentials: {
      appId: values["app-id"] ?? env.FEISHU_EMULATOR_APP_ID ?? demoCredentials.appId,
      appSecret: values["app-secret"] ?? env.FEISHU_EMULATOR_APP_SECRET ?? demoCredentials.appSecret,
      helpdeskId: values["helpdesk-id"] ?? env.FEISHU_EMULATOR_HELPDESK_ID ?? demoCredentials.helpdeskId,
      helpdeskToken: values["helpdesk-token"] ?? env.FEISHU_EMULATOR_HELPDESK_TOKEN ?? demoCredentials.helpdeskToken,
      userAccessTokens: userTokens && userTokens.length > 0 ? userTokens : demoCredentials.userAccessTokens,
    },
  });
  process.stdout.write(`${emulator.url}\n`);
  const data = values.data ?? env.FEISHU_EMULATOR_DATA ?? "in memory";
  process.stderr.write(`feishu-helpdesk-emulator: listening on ${emulator.url}; data ${data}\n`);
  process.stderr.write(`feishu-helpdesk-emulator: web console (loopback only): ${emulator.url}/\n`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  // Only a mistake in the command line is followed by the usage text; a bad data file is not one.
  const help = error instanceof UsageError ? `\n${usage}` : "";
  process.stderr.write(`feishu-helpdesk-emulator: ${(error as Error).message}\n${help}`);
  process.exit(2);
});
