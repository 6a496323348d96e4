import type { InputFailure, UncheckedInputs } from "./input-check";

/** The edit distance between two names (insertions, deletions, substitutions), ignoring case. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++)
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[y.length];
}

/** The known name closest to `name`, if it is close enough to be a likely misspelling. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    // A name cut short ("pushScope" for "pushScopeType") is as likely as a one-letter slip.
    const prefix = candidate.toLowerCase().startsWith(name.toLowerCase()) && name.length >= 3;
    const distance = prefix ? 1 : editDistance(name, candidate);
    if (best === undefined || distance < best.distance) best = { name: candidate, distance };
  }
  // A third of the name, at least 2: "chat" → "chats", "jobname" → "jobName", "sendat" → "sendAt".
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.name : undefined;
}

/**
 * One failure per property the resource does not know, naming the closest known one: a
 * misspelt property would otherwise be dropped silently (TypeScript does not catch it in
 * transpile-only runs or for arguments built from JSON), and the campaign go out without it.
 * `outputs` are the resource's output names, which the engine may send back as undefined.
 */
export function unknownPropertyFailures(
  raw: UncheckedInputs,
  inputs: readonly string[],
  outputs: readonly string[] = [],
): InputFailure[] {
  const failures: InputFailure[] = [];
  for (const [property, value] of Object.entries(raw)) {
    if (inputs.includes(property) || value === undefined) continue;
    const closest = closestName(property, inputs);
    const hint = outputs.includes(property)
      ? "it is an output, set by Feishu, not an input"
      : closest === undefined
        ? `the inputs are ${inputs.join(", ")}`
        : `did you mean ${closest}?`;
    failures.push({ property, reason: `${property} is not an input of this resource: ${hint}` });
  }
  return failures;
}
