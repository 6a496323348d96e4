import type { DriftedCampaign, WaitingCampaign } from "./drift-types";
import { codeSpan, fenced, inline } from "./markdown-text";

/** The hidden marker of a drift report, apart from the pull-request comment's. */
export const DRIFT_MARKER = "<!-- feishu-helpdesk-drift -->";

/** What the drift report says, as reviewDrift found it. */
export interface DriftReport {
  readonly drifted: readonly DriftedCampaign[];
  readonly waiting: readonly WaitingCampaign[];
  /** The engine's errors about no one campaign, the closing "preview failed" left out. */
  readonly others: readonly string[];
  readonly stack: string | undefined;
  /** The run reported an error, so it may not have compared every campaign. */
  readonly stopped: boolean;
}

const labelOf = (d: DriftedCampaign) => `${codeSpan(d.name)}${d.jobName ? ` ${inline(d.jobName)}` : ""}`;

function section(d: DriftedCampaign): string {
  if (d.how === "deleted") return `#### ${labelOf(d)}: deleted outside code\nFeishu no longer has it.\n`;
  if (d.how === "refused")
    return (
      `#### ${labelOf(d)}: changed outside code, and the code can no longer be applied to it\n` +
      "The provider refused to compare it with the code (its advice is written for a `pulumi up`):\n\n" +
      `${fenced(d.message ?? "")}\n`
    );
  const rows = d.properties.map((p) => `| ${inline(p.property)} | ${inline(p.inCode)} | ${inline(p.inFeishu)} |`);
  const card = d.cardDiff ? `\nThe card, code → Feishu:\n\n${fenced(d.cardDiff, "diff")}\n` : "";
  const changed = d.properties.map((p) => inline(p.property)).join(", ");
  return (
    `#### ${labelOf(d)}: changed outside code\nChanged: ${changed}.\n\n` +
    `| property | in code | in Feishu now |\n| --- | --- | --- |\n${rows.join("\n")}\n${card}`
  );
}

/** The drift report: one section per campaign changed outside code, then those only waiting, then other errors. */
export function renderDrift(report: DriftReport): string {
  const { drifted, waiting, others, stack, stopped } = report;
  const where = stack ? ` · stack ${codeSpan(stack)}` : "";
  const title = `${DRIFT_MARKER}\n### Feishu Helpdesk campaigns changed outside code${where}\n\n`;
  const parts: string[] = [title];
  if (drifted.length === 0)
    parts.push(
      stopped
        ? "No campaign found changed, but the run stopped before it could compare every campaign with its code: " +
            "see its errors below.\n"
        : "No drift: every campaign in Feishu is as the code declares it.\n",
    );
  else {
    const partial = stopped ? " (the run stopped at an error: campaigns it had not reached are not compared)" : "";
    parts.push(`**${drifted.length} changed outside code**${partial}\n\n${drifted.map(section).join("\n")}`);
    parts.push(
      "\nTo keep Feishu's version, run `pulumi refresh` (and change the code to match); to restore the code's, " +
        "run `pulumi up` (a campaign past draft can only be restored by withdrawing it in the Helpdesk console).\n",
    );
  }
  if (waiting.length > 0)
    parts.push(
      `\n**Waiting, not drift** (a lifecycle step still to come):\n\n` +
        waiting.map((w) => `- ${codeSpan(w.name)}: ${inline(w.message)}`).join("\n") +
        "\n",
    );
  if (others.length > 0)
    parts.push(`\n**The engine also reported:**\n\n${others.map((e) => fenced(e)).join("\n\n")}\n`);
  return parts.join("");
}
