// A Pulumi URN read apart: `urn:pulumi:<stack>::<project>::[<parent type>$]<type>::<name>`. Plain
// text work, no Pulumi module loaded: the review command reads URNs too.

/** The resource type token of a URN (the last of a parent$type chain). */
export function typeFromUrn(urn: string): string {
  const parts = urn.split("::");
  return (parts[2] ?? "").split("$").at(-1) ?? "";
}

/** The resource's Pulumi name: everything after the type (a name may itself hold `::`); the URN if none. */
export const nameFromUrn = (urn: string): string => urn.split("::").slice(3).join("::") || urn;
