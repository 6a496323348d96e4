import * as grpc from "@grpc/grpc-js";
import * as engineServices from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engineMessages from "@pulumi/pulumi/proto/engine_pb";
import { type EngineLogModules, useEngineLog } from "../pulumi/engine-log";
import { FeishuHelpdeskPlugin } from "./feishu-helpdesk-plugin";
import { providerService, ResourceProviderService } from "./server";

// `pulumi-resource-feishu-helpdesk <engine address> [flags]`: the engine starts the plugin with
// its own gRPC address (for Engine.Log) and reads the port the plugin listens on from its first
// line of stdout. Nothing else may be written to stdout.

/** The engine's address among the plugin's arguments (flags such as `--logtostderr` may come too). */
export function engineAddress(args: readonly string[]): string | undefined {
  return args.find((arg) => /^[\w.-]+:\d+$/.test(arg));
}

/** Starts the plugin's gRPC server on a free loopback port; resolves to the port. */
export async function serve(args: readonly string[], plugin = new FeishuHelpdeskPlugin()): Promise<number> {
  const address = engineAddress(args);
  // Warnings go to the engine's Log with the resource's URN, through this bundle's own gRPC modules.
  if (address !== undefined)
    useEngineLog(address, {
      grpc,
      services: engineServices,
      messages: engineMessages,
    } as unknown as EngineLogModules);
  const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
  server.addService(ResourceProviderService, providerService(plugin));
  return new Promise((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, port) =>
      error ? reject(error) : resolve(port),
    ),
  );
}
