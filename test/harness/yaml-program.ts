import { stringify } from "yaml";

/** The native plugin's campaign type. */
export const PLUGIN_NOTIFICATION = "feishu-helpdesk:index:HelpdeskNotification";

/**
 * The text of a YAML program (Pulumi.yaml) declaring one HelpdeskNotification through the native
 * plugin per entry of `campaigns` (name → the arguments a TypeScript program would give), as
 * test/programs/campaigns declares them from its `campaigns` config: a YAML program cannot loop.
 */
export function yamlCampaignsProgram(
  name: string,
  campaigns: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
  description = "Generated: one HelpdeskNotification through the native plugin per campaign.",
): string {
  const resources = Object.fromEntries(
    Object.entries(campaigns).map(([resource, args]) => [resource, { type: PLUGIN_NOTIFICATION, properties: args }]),
  );
  return stringify({ name, runtime: "yaml", description, resources }, { lineWidth: 0, aliasDuplicateObjects: false });
}
