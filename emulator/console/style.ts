import { cardCss } from "../../provider/card";

/** The console's stylesheet, served from its own URL (the page's policy allows no inline style). */
export const consoleCss = `
:root { font-family: system-ui, sans-serif; color: #1f2329; background: #f5f6f7; }
body { margin: 0; }
header.top { background: #1f2329; color: #fff; padding: 10px 20px; display: flex; gap: 16px; }
header.top h1 { font-size: 18px; margin: 0; }
header.top .live { font-size: 12px; opacity: .8; }
main { display: grid; grid-template-columns: minmax(420px, 1fr) minmax(360px, 1fr); gap: 20px; padding: 20px; }
section h2.panel { font-size: 15px; margin: 0 0 10px; }
#notice { min-height: 1.4em; padding: 4px 20px; font-size: 13px; }
#notice.error { color: #b42318; }
article.campaign { background: #fff; border: 1px solid #dee0e3; border-radius: 8px; padding: 12px; }
article.campaign { margin-bottom: 14px; }
article.campaign header { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
article.campaign h2 { font-size: 15px; margin: 0; overflow-wrap: anywhere; }
.stage { font-size: 12px; border-radius: 10px; padding: 2px 8px; background: #eff0f1; white-space: nowrap; }
.stage-draft { background: #e1eaff; } .stage-inReview { background: #fff3c4; }
.stage-approved { background: #d9f5d6; } .stage-sent { background: #c8e6c9; } .stage-cancelled { background: #fde2e1; }
dl { display: grid; grid-template-columns: 110px 1fr; gap: 2px 8px; font-size: 13px; margin: 8px 0; }
dt { color: #646a73; } dd { margin: 0; overflow-wrap: anywhere; }
.card-frame { background: #f2f3f5; padding: 10px; border-radius: 6px; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; align-items: center; font-size: 13px; }
button { font: inherit; padding: 4px 10px; border-radius: 4px; border: 1px solid #bbbfc4; background: #fff; }
button { cursor: pointer; }
button:disabled { opacity: .45; cursor: not-allowed; }
button.danger { color: #b42318; border-color: #f3b3ad; }
table { border-collapse: collapse; width: 100%; font-size: 12px; background: #fff; }
th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid #eff0f1; vertical-align: top; }
td code { overflow-wrap: anywhere; }
tr.refused td { color: #b42318; }
.empty { color: #646a73; }
pre.raw-card { white-space: pre-wrap; overflow-wrap: anywhere; }
${cardCss}
`;
