import fc from "fast-check";

// Generators of hostile requests for the fuzz test: paths, methods, headers and bodies, valid
// enough to reach every route and broken in every way issue 10 found (and more).

/** Names that reach Object.prototype when used as keys of a plain object. */
export const prototypeNames = ["__proto__", "constructor", "toString", "hasOwnProperty", "prototype", "valueOf"];

/** Percent-encodings that decodeURIComponent refuses. */
const brokenEncodings = ["%E0", "%", "%zz", "%C0%80", "%E0%A4%A", "%FF%FE", "%ED%A0%80"];

const lifecycleActions = ["preview", "submit_approve", "cancel_approve", "execute_send", "cancel_send"];

/** A path segment that Node's client will send as is (no spaces or control characters). */
const safeSegment = fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=:@%-]{0,24}$/);

/** A campaign or receiver id: real ones, prototype names, broken encodings, anything. */
export const anyId = (knownIds: readonly string[]) =>
  fc.oneof(
    fc.constantFrom(...knownIds),
    fc.constantFrom(...prototypeNames),
    fc.constantFrom(...brokenEncodings),
    safeSegment.filter((s) => s !== ""),
    fc.string({ maxLength: 12 }).map(encodeURIComponent),
  );

/** A request target: the routes with any ids, random paths, absolute and odd forms, with or without a query. */
export const anyTarget = (knownIds: readonly string[]) => {
  const id = anyId(knownIds);
  const path = fc.oneof(
    id.map((i) => `/open-apis/helpdesk/v1/notifications/${i}`),
    fc
      .tuple(id, fc.constantFrom(...lifecycleActions))
      .map(([i, a]) => `/open-apis/helpdesk/v1/notifications/${i}/${a}`),
    fc.constant("/open-apis/helpdesk/v1/notifications"),
    fc.constant("/open-apis/helpdesk/v1/message"),
    fc.constant("/open-apis/auth/v3/tenant_access_token/internal"),
    fc.tuple(id, fc.constantFrom("", "/status", "/approve")).map(([i, s]) => `/__emulator/notifications/${i}${s}`),
    id.map((i) => `/__emulator/tickets/${i}`),
    fc.constantFrom("/__emulator/requests", "/__emulator/messages", "/__emulator/notifications", "/__emulator/"),
    fc.array(safeSegment, { maxLength: 6 }).map((segments) => `/${segments.join("/")}`),
  );
  const query = fc.oneof(
    fc.constant(""),
    fc.constantFrom("open_id", "user_id", "union_id", "nope", "%E0", "__proto__").map((t) => `?user_id_type=${t}`),
    safeSegment.map((q) => `?${q}`),
  );
  return fc.oneof(
    { weight: 12, arbitrary: fc.tuple(path, query).map(([p, q]) => p + q) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.constantFrom("http://a:99999/", "http://a:-1/x", "http://[::1/", "http://%zz/", "*", "//x/y"),
        fc.tuple(fc.constantFrom("http://emulator", "http://x:1"), path).map(([h, p]) => h + p),
      ),
    },
  );
};

export const anyMethod = fc.constantFrom("GET", "POST", "PATCH", "DELETE", "PUT", "OPTIONS");

/** Which credentials a request carries. */
export type Credentials = "none" | "user" | "tenant" | "wrongToken" | "wrongHelpdesk";
export const anyCredentials = fc.constantFrom<Credentials>(
  "none",
  "user",
  "user",
  "tenant",
  "wrongToken",
  "wrongHelpdesk",
);

const validDraft = {
  job_name: "Fuzz",
  push_content: '{"elements":[]}',
  push_type: 0,
  push_scope_type: 2,
  user_list: [{ user_id: "ou_1" }],
};

/** A JSON text nested `depth` levels deep, in a field of an otherwise valid body. */
const deepBody = fc
  .integer({ min: 20, max: 6000 })
  .map((depth) =>
    JSON.stringify({ ...validDraft, ext: 0 }).replace('"ext":0', `"ext":${"[".repeat(depth)}1${"]".repeat(depth)}`),
  );

/** Bodies that reach the handlers, with fields replaced by anything. */
const plausibleBody = fc
  .record(
    {
      job_name: fc.oneof(fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 2 })),
      push_content: fc.oneof(fc.constant('{"a":1}'), fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 2 })),
      push_type: fc.oneof(fc.constantFrom(0, 1), fc.jsonValue({ maxDepth: 1 })),
      push_scope_type: fc.oneof(fc.constantFrom(0, 1, 2, 3), fc.jsonValue({ maxDepth: 1 })),
      new_staff_scope_type: fc.constantFrom(0, 1),
      user_list: fc.array(fc.record({ user_id: fc.oneof(fc.string(), fc.constantFrom(...prototypeNames)) })),
      department_list: fc.array(fc.record({ department_id: fc.string(), extra: fc.jsonValue({ maxDepth: 4 }) })),
      chat_list: fc.array(fc.record({ chat_id: fc.string() })),
      reason: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })),
      send_at: fc.oneof(fc.constant(String(Date.UTC(2031, 0, 1))), fc.string(), fc.integer()),
      is_recall: fc.oneof(fc.boolean(), fc.jsonValue({ maxDepth: 1 })),
      status: fc.oneof(fc.integer({ min: -1, max: 7 }), fc.jsonValue({ maxDepth: 1 })),
      msg_type: fc.constantFrom("text", "post", "image", "interactive", "nope"),
      receiver_id: fc.oneof(fc.constantFrom(...prototypeNames), fc.string({ maxLength: 8 })),
      receive_type: fc.constantFrom("chat", "user", "group"),
      content: fc.oneof(fc.constant('{"text":"hi"}'), fc.constant('{"schema":"2.0"}'), fc.string({ maxLength: 10 })),
      app_id: fc.string({ maxLength: 8 }),
    },
    { requiredKeys: [] },
  )
  .map((b) => JSON.stringify(b));

/** A request body: nothing, valid, plausible, random JSON, deep, huge, over the cap, not JSON, prototype keys. */
export const anyBody = (maxBodyBytes: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: fc.constant(JSON.stringify(validDraft)) },
    { weight: 8, arbitrary: plausibleBody },
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: deepBody },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(...prototypeNames)
        .map((name) => `{"${name}":{"polluted":1,"previews":1},"job_name":"p","receiver_id":"${name}","status":1}`),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 1000, max: 200_000 })
        .map((n) => JSON.stringify({ ...validDraft, push_content: JSON.stringify({ t: "x".repeat(n) }) })),
    },
    { weight: 1, arbitrary: fc.constant("x".repeat(maxBodyBytes + 1)) },
  );
