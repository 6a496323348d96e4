// How a campaign looks to a policy: its inputs as the program gave them. Both ways of declaring
// one reach the engine with the same input names; what differs is the type token, that the
// dynamic resource's inputs also carry `__provider` (the source that loads the provider) and
// `__urn` (never read here), and that the dynamic resource accepts the documented numbers for
// the enums where the plugin takes names only. Every reader takes only the inputs its policy
// needs: @pulumi/policy throws on reading a value not known yet at preview (below), so a policy
// about the job name still runs when the card is another resource's output.

/** The type tokens of a campaign: the dynamic resource (TypeScript) and the native plugin (YAML, Go...). */
export const CAMPAIGN_TYPES: readonly string[] = [
  "pulumi-nodejs:dynamic/feishu-helpdesk:HelpdeskNotification",
  "feishu-helpdesk:index:HelpdeskNotification",
];

/** True for a campaign of either kind. */
export const isCampaign = (type: string): boolean => CAMPAIGN_TYPES.includes(type);

/** A campaign's inputs, as @pulumi/policy gives them (secrets unwrapped; unknowns throw when read). */
export type CampaignInputs = Record<string, unknown>;

const PUSH_SCOPE_TYPES = ["allMembers", "chatsOnly", "someMembers", "newStaff"] as const;
const PUSH_TYPES = ["scheduled", "newStaffOnboarding"] as const;
const NEW_STAFF_SCOPE_TYPES = ["allNewStaff", "departments"] as const;

/** An enum input by name, whether given as its name or as the documented number (also as digits). */
function enumName(value: unknown, names: readonly string[]): string | undefined {
  if (typeof value === "number" || (typeof value === "string" && /^\d+$/.test(value))) return names[Number(value)];
  return typeof value === "string" ? value : undefined;
}

export const pushScopeTypeOf = (inputs: CampaignInputs) => enumName(inputs.pushScopeType, PUSH_SCOPE_TYPES);
export const pushTypeOf = (inputs: CampaignInputs) => enumName(inputs.pushType, PUSH_TYPES);
export const newStaffScopeTypeOf = (inputs: CampaignInputs) =>
  enumName(inputs.newStaffScopeType, NEW_STAFF_SCOPE_TYPES);

/** A list input's entries (an unset list is empty). */
export function listOf(inputs: CampaignInputs, name: "users" | "departments" | "chats"): unknown[] {
  const value = inputs[name];
  return Array.isArray(value) ? [...value] : [];
}

/** Whether the campaign asks for review: an `approval` with a reason. */
export function hasApproval(inputs: CampaignInputs): boolean {
  const approval = inputs.approval;
  if (approval === undefined || approval === null || typeof approval !== "object") return false;
  const reason = (approval as Record<string, unknown>).reason;
  return typeof reason === "string" && reason.trim() !== "";
}

/** The card: `pushContent` as an object, parsed when given as JSON text; undefined when it is neither. */
export function cardOf(inputs: CampaignInputs): unknown {
  const content = inputs.pushContent;
  if (typeof content !== "string") return content;
  try {
    return JSON.parse(content) as unknown;
  } catch {
    return undefined; // not JSON: the provider's own check refuses it
  }
}

/** How a message names a campaign: its resource name, and its job name when that is known and given. */
export function campaignLabel(name: string, jobName?: unknown): string {
  return typeof jobName === "string" && jobName !== "" ? `"${name}" (jobName "${jobName}")` : `"${name}"`;
}
