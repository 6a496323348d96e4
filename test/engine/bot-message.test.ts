import { emulatedStack } from "../harness/emulated-stack";

interface Diagnostic {
  readonly urn?: string;
  readonly severity: string;
  readonly message: string;
}

/** The diagnostics among the engine events of `pulumi … --json`: a stream of JSON objects. */
const diagnosticsOf = (stdout: string): Diagnostic[] =>
  stdout
    .split(/\n(?=\{)/)
    .filter((chunk) => chunk.trim().startsWith("{"))
    .flatMap((chunk) => {
      const event = JSON.parse(chunk) as { diagnosticEvent?: Diagnostic };
      return event.diagnosticEvent ? [event.diagnosticEvent] : [];
    });

const unsend = "Feishu has no API to unsend it";

// HelpdeskBotMessage through the real engine: one message per create and per replacement.
describe("HelpdeskBotMessage", () => {
  const stack = emulatedStack("test/programs/bot-messages");
  const sent = () => Object.values(stack.emulator.botMessages()).flat();

  it("sends exactly one message per create and per replacement, and lets go of it on delete", async () => {
    const { emulator, project } = stack;
    await project.setConfig(
      "messages",
      JSON.stringify({ welcome: { msgType: "text", content: { text: "Welcome!" }, receiverId: "ou_new_hire" } }),
    );
    await project.up();
    expect(sent()).toEqual([
      expect.objectContaining({ msg_type: "text", content: '{"text":"Welcome!"}', receive_type: "chat" }),
    ]);
    const [first] = await project
      .notificationsInState()
      .then(() => project.exportStack())
      .then(({ deployment }) => deployment.resources!.filter((r) => r.type.endsWith(":HelpdeskBotMessage")));
    expect(first.id).toBe(sent()[0].message_id);

    // No change (the same content written differently): nothing is sent.
    await project.setConfig(
      "messages",
      JSON.stringify({
        welcome: {
          msgType: "text",
          content: '{ "text" : "Welcome!" }',
          receiverId: "ou_new_hire",
          receiveType: "chat",
        },
      }),
    );
    expect((await project.preview()).code).toBe(0);
    await project.up();
    expect(sent()).toHaveLength(1);

    // A change is a new message.
    await project.setConfig(
      "messages",
      JSON.stringify({ welcome: { msgType: "text", content: { text: "Welcome aboard!" }, receiverId: "ou_new_hire" } }),
    );
    await project.up();
    expect(sent().map((m) => JSON.parse(m.content).text)).toEqual(["Welcome!", "Welcome aboard!"]);

    emulator.clearRequests();
    const destroyed = await project.destroy();
    // The warning: once, under the bot message's resource, naming it; not on stderr as before.
    const diagnosticsSection = destroyed.stdout.slice(destroyed.stdout.indexOf("Diagnostics:"));
    expect(diagnosticsSection.split(unsend)).toHaveLength(2);
    expect(diagnosticsSection).toMatch(/HelpdeskBotMessage \(welcome\):\n\s+warning: welcome: helpdesk bot message /);
    expect(destroyed.stderr).not.toContain(unsend);
    expect(emulator.requests).toEqual([]);
    expect(sent()).toHaveLength(2);
  });

  it("warns on removal as a diagnostic with the bot message's urn and severity warning", async () => {
    const { project } = stack;
    const hello = { msgType: "text", content: { text: "Hello" }, receiverId: "ou_someone" };
    await project.setConfig("messages", JSON.stringify({ hello }));
    await project.up();
    const [resource] = (await project.exportStack()).deployment.resources!.filter((r) =>
      r.type.endsWith(":HelpdeskBotMessage"),
    );
    expect(resource.outputs).toHaveProperty("__urn", resource.urn); // kept for delete, which gets only the outputs
    expect((await project.preview()).code).toBe(0); // the urn is never a change

    await project.setConfig("messages", "{}");
    const removed = await project.ok(["up", "--yes", "--skip-preview", "--json"]);
    const diagnostics = diagnosticsOf(removed.stdout);
    const about = diagnostics.filter((d) => d.message.includes(unsend));
    expect(about).toHaveLength(1);
    expect(about[0]).toMatchObject({ severity: "warning", urn: expect.stringMatching(/HelpdeskBotMessage::hello$/) });
    expect(about[0].message).toMatch(/^hello: helpdesk bot message /);
    expect(diagnostics.filter((d) => d.severity === "info#err")).toEqual([]);
  });

  it("refuses a card JSON 2.0 at preview, before any call", async () => {
    const { emulator, project } = stack;
    emulator.clearRequests();
    await project.setConfig(
      "messages",
      JSON.stringify({
        card: { msgType: "interactive", content: { schema: "2.0", body: { elements: [] } }, receiverId: "ou_x" },
      }),
    );
    const preview = await project.run(["preview"]);
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain("the helpdesk bot does not support card JSON 2.0");
    expect(emulator.requests).toEqual([]);
  });

  it("reports Feishu's refusal for a helpdesk group with a ticket in progress", async () => {
    const { emulator, project } = stack;
    emulator.setTicketOpen("ou_busy", true);
    await project.setConfig(
      "messages",
      JSON.stringify({ busy: { msgType: "text", content: { text: "Hi" }, receiverId: "ou_busy" } }),
    );
    const up = await project.run(["up", "--yes", "--skip-preview"]);
    expect(up.code).not.toBe(0);
    expect(up.output).toMatch(/Feishu refused POST \/open-apis\/helpdesk\/v1\/message: HTTP 400, code 154000/);
  });

  // The preview's promise: it verifies the token the message will be sent with. A valid user
  // token proves nothing for a bot message, which Feishu takes with a tenant token alone.
  it("fails the preview of a new message when the app secret is wrong, even with a valid user token", async () => {
    const { emulator, project, credentials } = stack;
    await project.setConfig("feishu-helpdesk:userAccessToken", credentials.userAccessTokens[0], true);
    await project.setConfig("feishu-helpdesk:appSecret", "secret-wrong", true);
    await project.setConfig(
      "messages",
      JSON.stringify({ later: { msgType: "text", content: { text: "Hi" }, receiverId: "ou_later" } }),
    );
    const before = sent().length;
    emulator.clearRequests();
    const preview = await project.run(["preview"]);
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain("Feishu refused the credentials (checked at preview, before anything changes)");
    expect(preview.output).toContain("code 10014");
    expect(preview.output).not.toContain("secret-wrong");
    expect(emulator.requests.map((r) => `${r.method} ${r.path} → ${r.code}`)).toEqual([
      "POST /open-apis/auth/v3/tenant_access_token/internal → 10014",
    ]);
    expect(sent()).toHaveLength(before);

    // With the right secret the same preview passes: the probe carries the tenant token (a user
    // token would need no token request).
    await project.setConfig("feishu-helpdesk:appSecret", credentials.appSecret, true);
    emulator.clearRequests();
    expect((await project.run(["preview"])).code).toBe(0);
    expect(emulator.requests.map((r) => `${r.method} ${r.path} → ${r.code}`)).toEqual([
      "POST /open-apis/auth/v3/tenant_access_token/internal → 0",
      "GET /open-apis/helpdesk/v1/notifications/0 → 154004",
    ]);
    await project.ok(["config", "rm", "feishu-helpdesk:userAccessToken"]);
  });
});
