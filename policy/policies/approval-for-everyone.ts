import { campaignLabel, hasApproval, newStaffScopeTypeOf, pushScopeTypeOf } from "../decisions/campaign";
import { campaignPolicy } from "./campaign-policy";

interface Config {
  /** Also ask review of a new-staff push to all new staff. */
  readonly includeAllNewStaff: boolean;
}

/** A push to every member (or every new joiner) goes through the helpdesk owner's review. */
export const approvalForEveryone = campaignPolicy<Config>({
  name: "approval-for-everyone",
  description: "A campaign to all members (pushScopeType allMembers), or to all new staff, has `approval`.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      includeAllNewStaff: {
        type: "boolean",
        default: true,
        description: "Also require approval for pushScopeType newStaff with newStaffScopeType allNewStaff.",
      },
    },
  },
  check(inputs, name, config) {
    const scope = pushScopeTypeOf(inputs);
    const everyone =
      scope === "allMembers"
        ? "all members"
        : scope === "newStaff" && config.includeAllNewStaff && newStaffScopeTypeOf(inputs) === "allNewStaff"
          ? "all new staff"
          : undefined;
    if (everyone === undefined || hasApproval(inputs)) return undefined;
    return (
      `Campaign ${campaignLabel(name, inputs.jobName)} pushes to ${everyone} without review. ` +
      'Fix: add approval: { reason: "..." } so the helpdesk owner reviews it, or narrow pushScopeType.'
    );
  },
});
