// The stylesheet of a rendered card: every rule scoped under `.fh-card`, so a page that embeds cards
// (the console, a review report) keeps its own styles. Colours follow Feishu's header templates.

const TEMPLATE_COLOURS: Record<string, [background: string, text: string]> = {
  blue: ["#3370ff", "#ffffff"],
  wathet: ["#e1eaff", "#245bdb"],
  turquoise: ["#04b49c", "#ffffff"],
  green: ["#34c724", "#ffffff"],
  yellow: ["#ffc60a", "#1f2329"],
  orange: ["#ff8800", "#ffffff"],
  red: ["#f54a45", "#ffffff"],
  carmine: ["#d8345f", "#ffffff"],
  violet: ["#b04ad8", "#ffffff"],
  purple: ["#7f3bf5", "#ffffff"],
  indigo: ["#4954e6", "#ffffff"],
  grey: ["#8f959e", "#ffffff"],
  default: ["#f2f3f5", "#1f2329"],
};

const FONT_COLOURS: Record<string, string> = {
  red: "#f54a45",
  green: "#2ea121",
  grey: "#8f959e",
  gray: "#8f959e",
  blue: "#3370ff",
  orange: "#ff8800",
  yellow: "#dc9b04",
  purple: "#7f3bf5",
};

const templates = Object.entries(TEMPLATE_COLOURS)
  .map(([name, [bg, fg]]) => `.fh-card .fh-tpl-${name}{background:${bg};color:${fg}}`)
  .join("\n");
const fonts = Object.entries(FONT_COLOURS)
  .map(([name, colour]) => `.fh-card .fh-font-${name}{color:${colour}}`)
  .join("\n");
const weights = [1, 2, 3, 4, 5].map((w) => `.fh-card .fh-w-${w}{flex:${w} 1 0}`).join("\n");

/** The CSS a card's markup needs (see {@link renderCardHtmlFragment}); no `url()`, no import, nothing fetched. */
export const cardCss = `
.fh-card{box-sizing:border-box;max-width:520px;background:#fff;border:1px solid #dee0e3;border-radius:8px;
overflow:hidden;color:#1f2329;font:14px/1.6 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"PingFang SC",
"Microsoft YaHei",sans-serif;box-shadow:0 1px 4px rgba(31,35,41,.08)}
.fh-card *{box-sizing:border-box}
.fh-card .fh-header{padding:12px 16px}
.fh-card .fh-title{font-size:16px;font-weight:600;line-height:1.5;overflow-wrap:anywhere}
.fh-card .fh-subtitle{font-size:13px;opacity:.85}
.fh-card .fh-body{padding:12px 16px;display:flex;flex-direction:column;gap:10px}
.fh-card .fh-text,.fh-card .fh-md{overflow-wrap:anywhere}
.fh-card .fh-fields{display:flex;flex-wrap:wrap;gap:6px 0}
.fh-card .fh-field{flex:1 1 100%}
.fh-card .fh-field.fh-short{flex:1 1 50%;padding-right:12px}
.fh-card .fh-hr{border:0;border-top:1px solid #dee0e3;margin:2px 0;width:100%}
.fh-card .fh-note{color:#646a73;font-size:12px;display:flex;flex-wrap:wrap;gap:6px;align-items:center}
.fh-card .fh-img{display:flex;flex-direction:column;align-items:center;justify-content:center;gap:2px;min-height:96px;
padding:12px;border:1px dashed #bbbfc4;border-radius:6px;background:#f5f6f7;color:#646a73;font-size:12px;
text-align:center}
.fh-card .fh-img-label{font-weight:600}
.fh-card .fh-img code,.fh-card .fh-img-inline{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:11px;
overflow-wrap:anywhere}
.fh-card .fh-note .fh-img{min-height:0;padding:2px 6px}
.fh-card .fh-actions{display:flex;flex-wrap:wrap;gap:8px}
.fh-card .fh-button{display:inline-block;padding:4px 14px;border-radius:6px;border:1px solid #d0d3d6;background:#fff;
color:#1f2329;text-decoration:none;font-size:14px;line-height:22px}
.fh-card .fh-button-primary,.fh-card .fh-button-primary_filled{background:#3370ff;border-color:#3370ff;color:#fff}
.fh-card .fh-button-primary_text,.fh-card .fh-button-text,.fh-card .fh-button-laser{border-color:transparent;
color:#3370ff}
.fh-card .fh-button-danger,.fh-card .fh-button-danger_text{border-color:#f54a45;color:#f54a45}
.fh-card .fh-button-danger_filled{background:#f54a45;border-color:#f54a45;color:#fff}
.fh-card .fh-button-nolink{cursor:default;opacity:.9}
.fh-card .fh-columns{display:flex;gap:12px}
.fh-card .fh-column{min-width:0;display:flex;flex-direction:column;gap:8px}
.fh-card .fh-panel{border:1px solid #dee0e3;border-radius:6px;padding:8px 12px;display:flex;flex-direction:column;
gap:8px}
.fh-card .fh-panel-title{font-weight:600}
.fh-card .fh-unknown{border:1px dashed #f5a623;border-radius:6px;background:#fff8e6;color:#8a5a00;padding:6px 10px;
font-size:12px}
.fh-card .fh-at{color:#3370ff}
.fh-card a{color:#3370ff;text-decoration:none}
.fh-card a.fh-button-primary,.fh-card a.fh-button-danger_filled,.fh-card a.fh-button-primary_filled{color:#fff}
.fh-card a.fh-button-danger{color:#f54a45}
.fh-card a.fh-button-default{color:#1f2329}
.fh-card .fh-card-link{font-size:12px;color:#646a73}
${templates}
${fonts}
${weights}
`.trim();
