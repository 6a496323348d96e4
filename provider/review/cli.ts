#!/usr/bin/env node
import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { reviewDrift } from "./drift";
import { reviewPreview } from "./review";
import { ReviewInputError } from "./review-input-error";

const usage = `Usage: feishu-helpdesk-review [options]

Reads the stdout of \`pulumi preview --json\` and writes a pull-request comment (Markdown) and a
full HTML report with each campaign's card before and after. Secrets are never shown.

  --preview <file>          the preview's JSON (default: standard input)
  --state <file>            \`pulumi stack export\`, for campaigns the preview has no step for
  --markdown <file>         where to write the comment (default: standard output)
  --html <file>             where to write the HTML report (default: not written)
  --limit <n>               the most characters the comment may have (default 65000)
  --time-zone <zone>        the helpdesk's IANA time zone for send times (default: $FEISHU_HELPDESK_TIME_ZONE or UTC)
  --report-location <text>  where readers find the HTML report, said when the comment leaves something out
  --drift                   read \`pulumi preview --refresh --json\` instead and write the drift report
                            (each campaign changed outside code, and which properties) to --markdown
  --help

Exits 0 once both are written (a failed preview is reported, not an exit code: the pipeline's
preview step fails the job), 2 when the input or an option is not usable. With --drift: 0 when
nothing drifted, 1 when a campaign changed outside code or the run reported an error (the report
is written either way).
`;

/** Says on stderr that part of the input was skipped: the report may lack what those lines held. */
function warnUnread(lines: number): void {
  if (lines > 0)
    process.stderr.write(
      `feishu-helpdesk-review: ${lines} line${lines === 1 ? "" : "s"} of the input ${lines === 1 ? "was" : "were"} ` +
        "not JSON and skipped (redirect only the preview's stdout, not 2>&1)\n",
    );
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      preview: { type: "string" },
      state: { type: "string" },
      markdown: { type: "string" },
      html: { type: "string" },
      limit: { type: "string" },
      "time-zone": { type: "string" },
      "report-location": { type: "string" },
      drift: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  if (values.drift) {
    const drift = reviewDrift(fs.readFileSync(values.preview ?? 0, "utf8"));
    warnUnread(drift.unreadLines);
    if (values.markdown) fs.writeFileSync(values.markdown, drift.markdown);
    else process.stdout.write(drift.markdown);
    return drift.drifted.length > 0 || drift.errors.length > 0 ? 1 : 0;
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1000))
    throw new ReviewInputError(`--limit must be a whole number of characters, 1000 or more; got ${values.limit}`);
  const timeZone = values["time-zone"] ?? (process.env.FEISHU_HELPDESK_TIME_ZONE || "UTC");
  try {
    new Intl.DateTimeFormat("en", { timeZone });
  } catch {
    throw new ReviewInputError(`--time-zone must be an IANA time zone such as Asia/Shanghai; got ${timeZone}`);
  }
  const result = reviewPreview({
    previewJson: fs.readFileSync(values.preview ?? 0, "utf8"),
    stackExportJson: values.state ? fs.readFileSync(values.state, "utf8") : undefined,
    limit,
    timeZone,
    reportLocation: values["report-location"],
  });
  warnUnread(result.unreadLines);
  if (values.html) fs.writeFileSync(values.html, result.html);
  if (values.markdown) fs.writeFileSync(values.markdown, result.markdown);
  else process.stdout.write(result.markdown);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  const known = ReviewInputError.isInstance(error) || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
  process.stderr.write(`feishu-helpdesk-review: ${(error as Error).message}\n${known ? usage : ""}`);
  process.exitCode = 2;
}
