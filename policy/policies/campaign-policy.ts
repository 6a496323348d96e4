// What every campaign policy shares: it applies to both type tokens, gets its config with the
// defaults filled in, and leaves any value unknown at preview to @pulumi/policy, which reports
// the policy as not run (an advisory "can't run policy ... during preview") rather than passed.
import type { PolicyConfigSchema, ResourceValidationPolicy } from "@pulumi/policy";
import { type CampaignInputs, isCampaign } from "../decisions/campaign";

/** A policy about one campaign. */
export interface CampaignPolicy<Config> {
  readonly name: string;
  readonly description: string;
  readonly enforcementLevel: "advisory" | "mandatory";
  /** The config, every property with its `default`. */
  readonly configSchema: PolicyConfigSchema;
  /**
   * Checks one campaign and returns what is wrong with it (a message naming the campaign and the fix), or nothing.
   * @param inputs The campaign's inputs; reading one not known at preview throws, which must not be caught.
   */
  check(inputs: CampaignInputs, name: string, config: Config): string | undefined;
}

/** The defaults of a schema, as the config object they make. */
export function schemaDefaults(schema: PolicyConfigSchema): Record<string, unknown> {
  return Object.fromEntries(Object.entries(schema.properties).map(([key, property]) => [key, property.default]));
}

/** The @pulumi/policy policy for `policy`. */
export function campaignPolicy<Config>(policy: CampaignPolicy<Config>): ResourceValidationPolicy {
  const defaults = schemaDefaults(policy.configSchema);
  return {
    name: policy.name,
    description: policy.description,
    enforcementLevel: policy.enforcementLevel,
    configSchema: policy.configSchema,
    validateResource: (args, reportViolation) => {
      if (!isCampaign(args.type)) return;
      const config = { ...defaults, ...args.getConfig<Record<string, unknown>>() } as Config;
      const problem = policy.check(args.props, args.name, config);
      if (problem !== undefined) reportViolation(problem);
    },
  };
}
