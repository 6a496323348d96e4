import * as grpc from "@grpc/grpc-js";
import * as services from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as messages from "@pulumi/pulumi/proto/provider_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { type RunningEmulator, startEmulator } from "../../../emulator";
import { FeishuHelpdeskPlugin } from "../../../provider/plugin/feishu-helpdesk-plugin";
import { providerService, ResourceProviderService } from "../../../provider/plugin/server";
import { randomCredentials, sampleCard } from "../../harness/feishu-fixture";

// Issue 24: the plugin is a gRPC server, and its Create and Update acted on whatever they were
// given: called without Check, `{jobName: 5, pushType: "bogus"}` was POSTed and unknown
// properties were copied into the outputs. Now Create, Update and Read check as Check does.
const type = "feishu-helpdesk:index:HelpdeskNotification";
const urn = `urn:pulumi:dev::proj::${type}::direct`;
const valid = {
  jobName: "Direct",
  pushType: "scheduled",
  pushScopeType: "someMembers",
  users: ["ou_a"],
  pushContent: JSON.stringify(sampleCard),
};

describe("the plugin's Create, Update and Read called without Check", () => {
  const credentials = randomCredentials();
  let emulator: RunningEmulator;
  let client: services.ResourceProviderClient;
  const server = new grpc.Server();

  const call = <Request, Reply>(method: string, request: Request) =>
    new Promise<Reply>((resolve, reject) =>
      (client as unknown as Record<string, (r: Request, done: (e: Error | null, reply: Reply) => void) => void>)[
        method
      ](request, (error, reply) => (error ? reject(error) : resolve(reply))),
    );
  const create = (properties: Record<string, unknown>) =>
    call<messages.CreateRequest, messages.CreateResponse>(
      "create",
      new messages.CreateRequest()
        .setUrn(urn)
        .setType(type)
        .setProperties(Struct.fromJavaScript(properties as never)),
    );

  beforeAll(async () => {
    emulator = await startEmulator({ credentials });
    server.addService(ResourceProviderService, providerService(new FeishuHelpdeskPlugin({})));
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
    );
    client = new services.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const { appId, appSecret, helpdeskId, helpdeskToken } = credentials;
    const args = { baseUrl: emulator.url, appId, appSecret, helpdeskId, helpdeskToken };
    await call("configure", new messages.ConfigureRequest().setArgs(Struct.fromJavaScript(args)));
  });
  afterAll(async () => {
    client?.close();
    server.forceShutdown();
    await emulator?.close();
  });

  it("refuses ill-typed inputs, naming each, and sends nothing", async () => {
    const error = await create({ ...valid, jobName: 5, pushType: "bogus" }).catch((caught: Error) => caught);
    expect(String(error)).toContain("Create of urn:pulumi:dev::proj::");
    expect(String(error)).toContain("nothing was sent to Feishu");
    expect(String(error)).toMatch(/jobName.*string/);
    expect(String(error)).toContain("pushType");
    expect(emulator.notifications()).toHaveLength(0);
  });

  it("refuses a property that is no input, as Check does", async () => {
    const error = await create({ ...valid, smuggled: "x" }).catch((caught: Error) => caught);
    expect(String(error)).toContain("smuggled is not an input of this resource");
    expect(emulator.notifications()).toHaveLength(0);
  });

  it("keeps only declared properties in what Update and Read return", async () => {
    const created = await create(valid);
    expect(emulator.notifications()).toHaveLength(1);
    const olds = { ...(created.getProperties()?.toJavaScript() ?? {}), smuggled: "from the state" };
    const updated = await call<messages.UpdateRequest, messages.UpdateResponse>(
      "update",
      new messages.UpdateRequest()
        .setId(created.getId())
        .setUrn(urn)
        .setType(type)
        .setOlds(Struct.fromJavaScript(olds as never))
        .setNews(Struct.fromJavaScript({ ...valid, jobName: "Direct, edited" })),
    );
    expect(updated.getProperties()?.toJavaScript()).toMatchObject({ jobName: "Direct, edited" });
    expect(updated.getProperties()?.toJavaScript()).not.toHaveProperty("smuggled");
    const read = await call<messages.ReadRequest, messages.ReadResponse>(
      "read",
      new messages.ReadRequest()
        .setId(created.getId())
        .setUrn(urn)
        .setType(type)
        .setProperties(Struct.fromJavaScript(olds as never)),
    );
    expect(read.getProperties()?.toJavaScript()).not.toHaveProperty("smuggled");
    const badUpdate = await call(
      "update",
      new messages.UpdateRequest()
        .setId(created.getId())
        .setUrn(urn)
        .setType(type)
        .setOlds(Struct.fromJavaScript(olds as never))
        .setNews(Struct.fromJavaScript({ ...valid, pushScopeType: 42 })),
    ).catch((caught: Error) => caught);
    expect(String(badUpdate)).toContain("Update of urn:pulumi:dev::proj::");
    expect(emulator.notifications()[0]).toMatchObject({ job_name: "Direct, edited" });
  });
});
