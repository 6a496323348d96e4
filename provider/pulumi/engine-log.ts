import * as path from "node:path";

// Why this file exists: a dynamic provider's console output reaches the engine as the plugin's
// stderr, which the engine shows as `info#err` under the Stack with no urn. The engine's own
// Log RPC (what the Pulumi SDK's `pulumi.log` uses in a program) takes a severity and a urn, so a
// warning appears once, under its resource, and in `--json` as a diagnostic with that urn. The
// engine's address is the last argument of the dynamic provider process (the host's contract:
// `main(process.argv.slice(2))` takes `<engine>` last). Outside a provider process (unit tests),
// there is no engine, and callers fall back to the console.

/** The engine's severities this package uses. */
export type EngineSeverity = "info" | "warning" | "error";

interface EngineLogClient {
  log(message: string, severity: EngineSeverity, urn: string | undefined): Promise<boolean>;
}

let client: EngineLogClient | null | undefined;

/** The engine address from this process's argv, if it is a dynamic provider process. */
export function engineAddressOf(argv: readonly string[]): string | undefined {
  const last = argv[argv.length - 1];
  const hostIsDynamicProvider = argv.some((arg) => /dynamic-provider/.test(arg));
  return hostIsDynamicProvider && last !== undefined && /^[\w.-]+:\d+$/.test(last) ? last : undefined;
}

function connect(): EngineLogClient | null {
  const address = engineAddressOf(process.argv);
  if (address === undefined) return null;
  try {
    // The gRPC modules the SDK itself uses, resolved from its folder: one copy, one protocol.
    const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
    /* eslint-disable @typescript-eslint/no-require-imports */
    const grpc = require(require.resolve("@grpc/grpc-js", { paths: [sdk] }));
    const services = require("@pulumi/pulumi/proto/engine_grpc_pb");
    const messages = require("@pulumi/pulumi/proto/engine_pb");
    /* eslint-enable @typescript-eslint/no-require-imports */
    const engine = new services.EngineClient(address, grpc.credentials.createInsecure());
    const severities = {
      info: messages.LogSeverity.INFO,
      warning: messages.LogSeverity.WARNING,
      error: messages.LogSeverity.ERROR,
    };
    return {
      log: (message, severity, urn) =>
        new Promise((resolve) => {
          const request = new messages.LogRequest();
          request.setSeverity(severities[severity]);
          request.setMessage(message);
          if (urn !== undefined) request.setUrn(urn);
          engine.log(request, (error: unknown) => resolve(!error));
        }),
    };
  } catch {
    return null;
  }
}

/**
 * Sends `message` to the engine's log, under `urn` if given. False if there is no engine to
 * send to, or it refused: the caller then writes to the console.
 */
export async function engineLog(message: string, severity: EngineSeverity, urn?: string): Promise<boolean> {
  if (client === undefined) client = connect();
  return client === null ? false : client.log(message, severity, urn);
}
