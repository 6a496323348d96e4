/**
 * The parts of `pulumi preview --json` (and of `pulumi stack export`) the review reads, read
 * leniently: a field the engine leaves out, or a shape it changes, drops only what it carried.
 * Nothing here keeps a value it does not need, so no secret is carried further than it must.
 */

import { typeFromUrn } from "../pulumi/urn";
import { ReviewInputError } from "./review-input-error";

/** A resource's state as the preview (or the export) shows it. */
export interface ResourceState {
  readonly urn: string;
  readonly type: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly outputs: Readonly<Record<string, unknown>>;
}

/** One planned step: what the engine would do to one resource. */
export interface PreviewStep {
  /** `create`, `update`, `same`, `delete`, `replace`, `create-replacement`, `read`, `refresh`, … */
  readonly op: string;
  readonly urn: string;
  readonly oldState: ResourceState | undefined;
  readonly newState: ResourceState | undefined;
  /** The properties that differ, as the engine names them (diffReasons and detailedDiff keys). */
  readonly changedProperties: readonly string[];
}

/** A message the engine or a policy pack gave about a resource (or about the whole run). */
export interface PreviewDiagnostic {
  readonly urn: string | undefined;
  readonly severity: "error" | "warning";
  readonly message: string;
  /** Where it came from: "engine", or a policy pack and policy's name. */
  readonly source: string;
}

/** What the review reads of a preview. */
export interface PreviewRecord {
  readonly steps: readonly PreviewStep[];
  readonly diagnostics: readonly PreviewDiagnostic[];
  /** The stack's name, from the URNs (urn:pulumi:<stack>::<project>::…). */
  readonly stack: string | undefined;
  /** Lines of an event stream that were not JSON, skipped. */
  readonly unreadLines: number;
}

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** A resource state from a step's oldState/newState, or from an export's resources. */
export function resourceState(value: unknown): ResourceState | undefined {
  const r = record(value);
  const urn = text(r.urn);
  if (urn === undefined) return undefined;
  return { urn, type: text(r.type) ?? typeFromUrn(urn), inputs: record(r.inputs), outputs: record(r.outputs) };
}

const severityOf = (value: unknown): "error" | "warning" | undefined => {
  const s = text(value)?.toLowerCase();
  if (s === "error" || s === "mandatory" || s === "remediate") return "error";
  if (s === "warning" || s === "advisory") return "warning";
  return undefined;
};

/** Diagnostics and policy events, of severity error or warning, in any of the shapes the engine uses. */
function diagnosticsOf(digest: Record<string, unknown>): PreviewDiagnostic[] {
  const out: PreviewDiagnostic[] = [];
  const lists = [digest.diagnostics, digest.policyEvents, digest.policyViolations];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const d = record(item);
      const event = record(d.policyEvent ?? d.diagnosticEvent ?? d);
      const severity = severityOf(event.severity ?? event.enforcementLevel);
      // The engine's text starts with its own "error: " (or "warning: "): the review says the severity itself.
      const message = (text(event.message) ?? text(event.description))?.replace(/^(error|warning): /, "").trimEnd();
      if (severity === undefined || message === undefined) continue;
      const policy = [text(event.policyPackName), text(event.policyName)].filter(Boolean).join(": ");
      out.push({ urn: text(event.urn) ?? text(event.resourceUrn), severity, message, source: policy || "engine" });
    }
  }
  return out;
}

/** The properties a step says changed: its diffReasons, detailedDiff keys and replaceReasons. */
function changedPropertiesOf(step: Record<string, unknown>): string[] {
  const names = new Set<string>();
  for (const key of ["diffReasons", "replaceReasons"]) {
    const list = step[key];
    if (Array.isArray(list)) for (const name of list) if (typeof name === "string") names.add(name.split(/[.[]/)[0]);
  }
  for (const name of Object.keys(record(step.detailedDiff))) names.add(name.split(/[.[]/)[0]);
  return [...names];
}

/**
 * The planned steps of one document: the digest's `steps`, or, in the event stream
 * (`PULUMI_ENABLE_STREAMING_JSON_PREVIEW`), a `resourcePreEvent`'s metadata, whose `old`, `new`
 * and `diffs` are the digest's `oldState`, `newState` and `diffReasons`.
 */
function stepsOf(digest: Record<string, unknown>): PreviewStep[] {
  const pre = record(record(digest.resourcePreEvent).metadata);
  const list = Array.isArray(digest.steps)
    ? digest.steps.map(record)
    : pre.urn === undefined
      ? []
      : [{ ...pre, oldState: pre.old, newState: pre.new, diffReasons: pre.diffs, replaceReasons: pre.keys }];
  const steps: PreviewStep[] = [];
  for (const s of list) {
    const urn = text(s.urn);
    if (urn === undefined) continue;
    const [oldState, newState] = [resourceState(s.oldState), resourceState(s.newState)];
    steps.push({ op: text(s.op) ?? "same", urn, oldState, newState, changedProperties: changedPropertiesOf(s) });
  }
  return steps;
}

/**
 * Reads `pulumi preview --json`. Its stdout is one JSON document, or, with
 * `PULUMI_ENABLE_STREAMING_JSON_PREVIEW` set, a stream of engine events, one per line: the form
 * the CI examples use, because v3.248.0's digest leaves out policy violations and the stream
 * carries them (`policyEvent`).
 */
export function parsePreview(json: string): PreviewRecord {
  const { documents: digests, unreadLines } = parseDocuments(json);
  if (digests.length === 0)
    throw new ReviewInputError(
      "The preview is empty or not JSON: give the review the stdout of `pulumi preview --json` (stderr apart).",
    );
  const steps: PreviewStep[] = [];
  const diagnostics: PreviewDiagnostic[] = [];
  for (const digest of digests) {
    steps.push(...stepsOf(digest));
    diagnostics.push(...diagnosticsOf(digest));
    // A stream of engine events: each diagnostic or policy event is its own document.
    diagnostics.push(...diagnosticsOf({ diagnostics: [digest.diagnosticEvent, digest.policyEvent].filter(Boolean) }));
  }
  const first = steps[0]?.urn ?? diagnostics.find((d) => d.urn)?.urn;
  return { steps, diagnostics, stack: first?.split("::")[0]?.split(":")[2], unreadLines };
}

/** Reads `pulumi stack export`: every resource's state, by URN. */
export function parseStackExport(json: string): Map<string, ResourceState> {
  const [document] = parseDocuments(json).documents;
  const resources = record(record(document).deployment).resources;
  const states = new Map<string, ResourceState>();
  if (Array.isArray(resources))
    for (const item of resources) {
      const state = resourceState(item);
      if (state) states.set(state.urn, state);
    }
  return states;
}

/**
 * One JSON document, or a stream of them, one per line. A line of a stream that is not JSON (a
 * wrapper's stray output, `2>&1`) is skipped alone and counted, never merged into its neighbour.
 */
function parseDocuments(json: string): { documents: Record<string, unknown>[]; unreadLines: number } {
  const trimmed = json.trim();
  if (trimmed === "") return { documents: [], unreadLines: 0 };
  try {
    return { documents: [record(JSON.parse(trimmed))], unreadLines: 0 };
  } catch {
    const documents: Record<string, unknown>[] = [];
    let unreadLines = 0;
    for (const line of trimmed.split(/\r?\n/)) {
      if (line.trim() === "") continue;
      try {
        documents.push(record(JSON.parse(line)));
      } catch {
        unreadLines += 1;
      }
    }
    return { documents, unreadLines };
  }
}
