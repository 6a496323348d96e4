import { type CampaignReview, reviewCampaigns, type ReviewOptions } from "./campaign-review";
import { renderHtmlReport } from "./html-report";
import { renderMarkdown, type MarkdownOptions } from "./markdown";
import { parsePreview, parseStackExport } from "./preview-json";

/** What {@link reviewPreview} reads. */
export interface ReviewInput extends ReviewOptions, Pick<MarkdownOptions, "limit" | "reportLocation"> {
  /** The stdout of `pulumi preview --json`. */
  readonly previewJson: string;
  /** The stdout of `pulumi stack export`, for the current card and stage of a campaign the preview has no step for. */
  readonly stackExportJson?: string;
}

/** What {@link reviewPreview} writes. */
export interface ReviewResult {
  /** The pull-request comment, under `limit` characters. */
  readonly markdown: string;
  /** The full report: one self-contained HTML document. */
  readonly html: string;
  /** Each campaign and bot message, as reviewed. */
  readonly campaigns: readonly CampaignReview[];
  /** Whether the preview failed (an error diagnostic): CI fails the job on it. */
  readonly failed: boolean;
  /** Lines of an event stream that were not JSON and were skipped (a wrapper's stray output). */
  readonly unreadLines: number;
}

/**
 * Reviews a `pulumi preview --json`: a Markdown comment for a pull/merge request and an HTML
 * report with each card before and after. Secrets stay hidden: the preview shows them as
 * `[secret]` and the review never asks for them. Throws ReviewInputError when the preview is not JSON.
 */
export function reviewPreview(input: ReviewInput): ReviewResult {
  const preview = parsePreview(input.previewJson);
  const state = input.stackExportJson ? parseStackExport(input.stackExportJson) : new Map();
  const campaigns = reviewCampaigns(preview, state, input);
  const reviewed = new Set(campaigns.map((c) => c.urn));
  const general = preview.diagnostics.filter((d) => !d.urn || !reviewed.has(d.urn));
  const stack = preview.stack;
  return {
    campaigns,
    markdown: renderMarkdown(campaigns, { ...input, stack, general }),
    html: renderHtmlReport(campaigns, { stack, general }),
    failed: preview.diagnostics.some((d) => d.severity === "error"),
    unreadLines: preview.unreadLines,
  };
}
