import * as grpc from "@grpc/grpc-js";
import * as services from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as messages from "@pulumi/pulumi/proto/provider_pb";
import * as pluginMessages from "@pulumi/pulumi/proto/plugin_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { FeishuHelpdeskError } from "../client/errors/feishu-helpdesk-error";
import type { InputFailure } from "../pulumi/input-check";
import type { DiffAnswer, Properties } from "./adapter-types";
import type { FeishuHelpdeskPlugin } from "./feishu-helpdesk-plugin";
import { propertiesFromWire, propertiesToWire } from "./wire-values";
import { typeFromUrn } from "../pulumi/urn";

// Why a server of our own: the Node.js provider SDK (`@pulumi/pulumi/provider`, `main`) answers
// CheckConfig and DiffConfig with Unimplemented and drops the configuration in Configure
// (3.248.0, and 3.270.0 still), so credentials could never reach a provider written against it.
// This serves the same ResourceProvider protocol on the SDK's own generated protobufs and
// grpc-js: every RPC is a thin conversion to FeishuHelpdeskPlugin's plain values. RPCs not
// listed (Construct, Call, Parameterize, GetMapping, Handshake, Attach...) answer Unimplemented,
// which the engine handles (Handshake: it falls back to Configure's answer).

type Call<Request> = grpc.ServerUnaryCall<Request, unknown>;
type Done = grpc.sendUnaryData<unknown>;

/** The engine asked for a version of the package schema other than the one this plugin serves (0). */
export class SchemaVersionError extends FeishuHelpdeskError {
  constructor(version: number) {
    super(`unsupported schema version ${version}: the feishu-helpdesk plugin serves version 0`);
  }
}

/** A plain value of the Struct `struct`. */
const plain = (struct: Struct | undefined): Properties => propertiesFromWire(struct?.toJavaScript());
/** A Struct of plain properties. */
const structOf = (properties: object): Struct => Struct.fromJavaScript(propertiesToWire(properties));

/**
 * The engine's error for a failed call: the message alone (this package's errors say what
 * happened and what to do; a stack would bury it), the stack too for anything else (a bug).
 */
export function grpcError(error: unknown): grpc.ServiceError {
  const message = FeishuHelpdeskError.isInstance(error)
    ? error.message
    : error instanceof Error
      ? `${error.message}\n${error.stack ?? ""}`
      : String(error);
  return Object.assign(new Error(message), {
    code: grpc.status.UNKNOWN,
    details: message,
    metadata: new grpc.Metadata(),
  });
}

/** Runs `handle` for a unary call and answers with its result or its error. */
function unary<Request>(handle: (request: Request) => unknown | Promise<unknown>) {
  return (call: Call<Request>, done: Done) => {
    Promise.resolve()
      .then(() => handle(call.request))
      .then(
        (reply) => done(null, reply),
        (error: unknown) => done(grpcError(error)),
      );
  };
}

function checkResponse(inputs: Properties | undefined, failures: readonly InputFailure[]): messages.CheckResponse {
  const response = new messages.CheckResponse();
  if (inputs !== undefined) response.setInputs(structOf(inputs));
  response.setFailuresList(failures.map(checkFailure));
  return response;
}

function checkFailure(failure: InputFailure): messages.CheckFailure {
  const message = new messages.CheckFailure();
  message.setProperty(failure.property);
  message.setReason(failure.reason);
  return message;
}

const kinds = {
  add: messages.PropertyDiff.Kind.ADD,
  update: messages.PropertyDiff.Kind.UPDATE,
  delete: messages.PropertyDiff.Kind.DELETE,
  "update-replace": messages.PropertyDiff.Kind.UPDATE_REPLACE,
} as const;

/** A DiffResponse with the detailed diff (which properties change, and how). */
export function diffResponse(answer: DiffAnswer): messages.DiffResponse {
  const response = new messages.DiffResponse();
  response.setChanges(
    answer.changes ? messages.DiffResponse.DiffChanges.DIFF_SOME : messages.DiffResponse.DiffChanges.DIFF_NONE,
  );
  response.setReplacesList([...(answer.replaces ?? [])]);
  response.setDiffsList(Object.keys(answer.detailedDiff));
  const detailed = response.getDetaileddiffMap();
  for (const [property, kind] of Object.entries(answer.detailedDiff)) {
    const diff = new messages.PropertyDiff();
    diff.setKind(kinds[kind]);
    diff.setInputdiff(true);
    detailed.set(property, diff);
  }
  response.setHasdetaileddiff(true);
  return response;
}

/** The resource type of a call: its `type` field, or the URN's. */
const typeOf = (request: { getType(): string; getUrn(): string }) => request.getType() || typeFromUrn(request.getUrn());

/** The ResourceProvider service, each RPC on `plugin`. */
export function providerService(plugin: FeishuHelpdeskPlugin): grpc.UntypedServiceImplementation {
  return {
    getPluginInfo: unary(() => new pluginMessages.PluginInfo().setVersion(plugin.version)),
    getSchema: unary((request: messages.GetSchemaRequest) => {
      if (request.getVersion() !== 0) throw new SchemaVersionError(request.getVersion());
      return new messages.GetSchemaResponse().setSchema(plugin.schemaText);
    }),
    checkConfig: unary((request: messages.CheckRequest) => {
      const { inputs, failures } = plugin.checkConfig(request.getUrn(), plain(request.getNews()));
      return checkResponse(inputs, failures);
    }),
    diffConfig: unary((request: messages.DiffRequest) => {
      const olds = { ...plain(request.getOldInputs()), ...plain(request.getOlds()) };
      const changed = plugin.diffConfig(olds, plain(request.getNews()));
      const detailedDiff = Object.fromEntries(changed.map((key) => [key, "update" as const]));
      return diffResponse({ changes: changed.length > 0, detailedDiff });
    }),
    configure: unary((request: messages.ConfigureRequest) => {
      // `args` holds the properties (secrets wrapped, unwrapped here); older engines sent only
      // `variables`, keyed `feishu-helpdesk:config:<key>`.
      const args = request.getArgs();
      const properties = args
        ? plain(args)
        : Object.fromEntries(
            request
              .getVariablesMap()
              .toArray()
              .map(([key, value]) => [key.split(":").pop(), value]),
          );
      plugin.configure(request.getUrn(), properties);
      // acceptSecrets=false: the engine strips secrets from every resource call and marks secret
      // each output whose input was (annotateSecrets), so no secret is handled or echoed here.
      return new messages.ConfigureResponse()
        .setAcceptsecrets(false)
        .setAcceptresources(false)
        .setSupportspreview(true)
        .setAcceptoutputs(false);
    }),
    check: unary(async (request: messages.CheckRequest) => {
      const answer = await plugin
        .resource(typeOf(request))
        .check(request.getUrn(), plain(request.getOlds()), plain(request.getNews()));
      return answer.ok ? checkResponse(answer.inputs, []) : checkResponse(undefined, answer.failures);
    }),
    diff: unary(async (request: messages.DiffRequest) =>
      diffResponse(
        await plugin
          .resource(typeOf(request))
          .diff(
            request.getId(),
            request.getUrn(),
            plain(request.getOlds()),
            plain(request.getNews()),
            plain(request.getOldInputs()),
          ),
      ),
    ),
    create: unary(async (request: messages.CreateRequest) => {
      const { id, properties } = await plugin
        .resource(typeOf(request))
        .create(request.getUrn(), plain(request.getProperties()), request.getPreview());
      return new messages.CreateResponse().setId(id).setProperties(structOf(properties));
    }),
    read: unary(async (request: messages.ReadRequest) => {
      const answer = await plugin
        .resource(typeOf(request))
        .read(request.getId(), request.getUrn(), plain(request.getProperties()), plain(request.getInputs()));
      // No id: the resource is gone, and the engine drops it from the stack.
      if (answer === undefined) return new messages.ReadResponse();
      return new messages.ReadResponse()
        .setId(answer.id)
        .setProperties(structOf(answer.properties))
        .setInputs(structOf(answer.inputs));
    }),
    update: unary(async (request: messages.UpdateRequest) => {
      const properties = await plugin
        .resource(typeOf(request))
        .update(
          request.getId(),
          request.getUrn(),
          plain(request.getOlds()),
          plain(request.getNews()),
          request.getPreview(),
        );
      return new messages.UpdateResponse().setProperties(structOf(properties));
    }),
    delete: unary(async (request: messages.DeleteRequest) => {
      await plugin.resource(typeOf(request)).delete(request.getId(), request.getUrn(), plain(request.getProperties()));
      return new Empty();
    }),
    invoke: unary(async (request: messages.InvokeRequest) => {
      const answer = await plugin.invoke(request.getTok(), plain(request.getArgs()));
      const response = new messages.InvokeResponse();
      if ("outputs" in answer) response.setReturn(structOf(answer.outputs));
      else response.setFailuresList(answer.failures.map(checkFailure));
      return response;
    }),
    cancel: unary(() => {
      plugin.cancel();
      return new Empty();
    }),
  };
}

/** The service definition the server is added with. */
export const ResourceProviderService = services.ResourceProviderService;
