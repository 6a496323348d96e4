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

/** The gRPC modules a Log client is made of: the SDK's own, however they were loaded. */
export interface EngineLogModules {
  /** `@grpc/grpc-js`. */
  readonly grpc: { credentials: { createInsecure(): unknown } };
  /** `@pulumi/pulumi/proto/engine_grpc_pb`. */
  readonly services: { EngineClient: new (address: string, credentials: unknown) => unknown };
  /** `@pulumi/pulumi/proto/engine_pb`. */
  readonly messages: {
    LogSeverity: Record<"INFO" | "WARNING" | "ERROR", number>;
    LogRequest: new () => { setSeverity(s: number): void; setMessage(m: string): void; setUrn(u: string): void };
  };
}

function clientOf(address: string, { grpc, services, messages }: EngineLogModules): EngineLogClient {
  const engine = new services.EngineClient(address, grpc.credentials.createInsecure()) as {
    log(request: unknown, done: (error: unknown) => void): void;
  };
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
}

function connect(): EngineLogClient | null {
  const address = engineAddressOf(process.argv);
  if (address === undefined) return null;
  try {
    // The gRPC modules the SDK itself uses, resolved from its folder: one copy, one protocol.
    const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
    /* eslint-disable @typescript-eslint/no-require-imports */
    return clientOf(address, {
      grpc: require(require.resolve("@grpc/grpc-js", { paths: [sdk] })),
      services: require("@pulumi/pulumi/proto/engine_grpc_pb"),
      messages: require("@pulumi/pulumi/proto/engine_pb"),
    });
    /* eslint-enable @typescript-eslint/no-require-imports */
  } catch {
    return null;
  }
}

/**
 * Logs to the engine at `address` from now on, with these modules: for a host that knows the
 * engine's address otherwise than from a dynamic provider's argv (the native plugin, whose
 * bundle carries its own copy of the gRPC modules).
 */
export function useEngineLog(address: string, modules: EngineLogModules): void {
  client = clientOf(address, modules);
}

/**
 * Sends `message` to the engine's log, under `urn` if given. False if there is no engine to
 * send to, or it refused: the caller then writes to the console.
 */
export async function engineLog(message: string, severity: EngineSeverity, urn?: string): Promise<boolean> {
  if (client === undefined) client = connect();
  return client === null ? false : client.log(message, severity, urn);
}
