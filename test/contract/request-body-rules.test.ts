import fc from "fast-check";
import { wireBodyProblem } from "../../emulator/wire-validation";
import { checkNotificationInputs, NewStaffScopeType, PushScopeType, PushType } from "../../provider";
import { toWireBody } from "../../provider/notification/mapping";
import { sampleCard } from "../harness/feishu-fixture";
import { ruleViolations } from "../cases/rule-violations";

// The provider's input schema and the emulator's wire validation are written separately, from
// the same request-body table (创建推送 / 更新推送). This holds them to each other: a campaign the
// provider lets through must be one the emulator (standing in for Feishu) accepts, and one the
// emulator refuses must already fail `pulumi preview`.

/** The provider's two rules that are stricter than Feishu's (README, "Decided"): a failure of these alone is fine. */
const stricterThanFeishu = [
  'newStaffScopeType only applies when pushType is "newStaffOnboarding"',
  'newStaffDepartments only applies when newStaffScopeType is "departments"',
];

/**
 * Inputs as the wire body they ask for, without validating anything: enum names become their
 * numbers, anything else is sent as given. Written here, not taken from the provider, so that an
 * input the provider would refuse still reaches the emulator as a request.
 */
function wireBodyOf(inputs: Record<string, unknown>): Record<string, unknown> {
  const number = (table: Record<string, number>, value: unknown) =>
    typeof value === "string" && Object.hasOwn(table, value) ? table[value] : value;
  const items = (key: string, ids: unknown) =>
    Array.isArray(ids) ? ids.map((id) => ({ [key]: id })) : ids === undefined ? undefined : ids;
  const body: Record<string, unknown> = {
    job_name: inputs.jobName,
    push_content: typeof inputs.pushContent === "object" ? JSON.stringify(inputs.pushContent) : inputs.pushContent,
    push_type: number(PushType, inputs.pushType),
    push_scope_type: number(PushScopeType, inputs.pushScopeType),
    new_staff_scope_type: number(NewStaffScopeType, inputs.newStaffScopeType),
    new_staff_scope_department_list: items("department_id", inputs.newStaffDepartments),
    user_list: items("user_id", inputs.users),
    department_list: items("department_id", inputs.departments),
    chat_list: items("chat_id", inputs.chats),
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

describe("the provider's schema and the emulator's wire validation agree", () => {
  it.each(ruleViolations)("$rule: both refuse it", ({ args, property }) => {
    const inputs = JSON.parse(JSON.stringify(args));
    const checked = checkNotificationInputs(inputs);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.failures.map((f) => f.property)).toContain(property);
    expect(wireBodyProblem(wireBodyOf(inputs))).toEqual(expect.any(String));
  });

  // Random campaigns: a valid one of each shape, with up to three properties set to any value a
  // user might write (named, numbered or invalid enums; every shape of list; missing values).
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const idList = (prefix: string) => maybe(fc.constantFrom([], [`${prefix}_1`], [`${prefix}_1`, `${prefix}_2`], [""]));
  const values: Record<string, fc.Arbitrary<unknown>> = {
    jobName: maybe(fc.constantFrom("Campaign", "", "   ")),
    pushContent: maybe(fc.constantFrom<unknown>(sampleCard, JSON.stringify(sampleCard), "{not json", "[1]", "3")),
    pushType: maybe(fc.constantFrom<unknown>("scheduled", "newStaffOnboarding", 0, 1, 2, "weekly")),
    pushScopeType: maybe(fc.constantFrom<unknown>("allMembers", "chatsOnly", "someMembers", "newStaff", 0, 1, 2, 3, 7)),
    newStaffScopeType: maybe(fc.constantFrom<unknown>("allNewStaff", "departments", 0, 1, 5)),
    newStaffDepartments: idList("od"),
    users: idList("ou"),
    departments: idList("od"),
    chats: idList("oc"),
  };
  const card = { jobName: "Campaign", pushContent: sampleCard };
  const validShapes = [
    { ...card, pushType: "scheduled", pushScopeType: "allMembers" },
    { ...card, pushType: "scheduled", pushScopeType: "chatsOnly", chats: ["oc_1"] },
    { ...card, pushType: "scheduled", pushScopeType: "someMembers", users: ["ou_1"], departments: ["od_1"] },
    { ...card, pushType: "newStaffOnboarding", pushScopeType: "newStaff", newStaffScopeType: "allNewStaff" },
    {
      ...card,
      pushType: "newStaffOnboarding",
      pushScopeType: "chatsOnly",
      chats: ["oc_1"],
      newStaffScopeType: "departments",
      newStaffDepartments: ["od_1"],
    },
  ];
  const change = fc.oneof(...Object.entries(values).map(([key, value]) => value.map((v) => [key, v] as const)));
  const campaign = fc
    .tuple(fc.constantFrom(...validShapes), fc.array(change, { maxLength: 3 }))
    .map(([shape, changes]) => ({ ...shape, ...Object.fromEntries(changes) }) as Record<string, unknown>);

  it("random campaigns: the provider accepts what the emulator accepts, but for the two stricter rules", () => {
    const runs = Number(process.env.FUZZ_RUNS ?? 2000);
    let accepted = 0;
    fc.assert(
      fc.property(campaign, (inputs) => {
        const checked = checkNotificationInputs({ ...inputs });
        const emulatorSays = wireBodyProblem(wireBodyOf(inputs));
        if (checked.ok) {
          accepted += 1;
          // What the provider would really send, too.
          expect(wireBodyProblem(toWireBody(checked.inputs))).toBeUndefined();
          expect(emulatorSays).toBeUndefined();
        } else if (emulatorSays === undefined) {
          // Only the new-staff rules may differ, and only because one of the stricter rules broke.
          const reasons = checked.failures.map((f) => f.reason);
          expect(reasons.some((reason) => stricterThanFeishu.some((rule) => reason.includes(rule)))).toBe(true);
          expect(checked.failures.filter((f) => !f.property.startsWith("newStaff"))).toEqual([]);
        }
      }),
      { seed: 20261122, numRuns: runs },
    );
    // Both sides of the property must be reached often for it to mean something.
    expect(accepted).toBeGreaterThan(runs / 10);
    expect(accepted).toBeLessThan(runs - runs / 10);
  });
});
