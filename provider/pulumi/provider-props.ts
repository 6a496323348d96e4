/**
 * The properties a dynamic provider method receives, without `__provider`, which the Pulumi
 * SDK adds to every resource's inputs and outputs and puts back itself.
 */
export function withoutProviderSource(props: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([key]) => key !== "__provider"));
}
