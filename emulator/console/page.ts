import type { EmulatorContext } from "../context";
import { campaignView } from "./campaign-view";
import { type Html, html, trusted } from "../../provider/markup/html";
import { campaignsPanel, requestsPanel } from "./panels";

/** The two live panels' markup, as the page first shows them and as the script polls them. */
export function consolePanels(context: EmulatorContext): { campaigns: string; requests: string } {
  const views = context.store.all().map((n) => campaignView(context.current(n.id)!));
  return { campaigns: campaignsPanel(views).text, requests: requestsPanel(context.requests).text };
}

/** The whole console page: the panels already filled in, the script and stylesheet by URL. */
export function consolePage(panels: { campaigns: string; requests: string }): Html {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Feishu Helpdesk emulator</title>
        <link rel="stylesheet" href="/__emulator/console.css" />
        <script src="/__emulator/console.js" defer></script>
      </head>
      <body>
        <header class="top">
          <h1>Feishu Helpdesk emulator</h1>
          <span class="live" id="live">loading</span>
        </header>
        <div id="notice" role="status"></div>
        <main>
          <section>
            <h2 class="panel">Push campaigns</h2>
            <div id="campaigns">${trusted(panels.campaigns)}</div>
          </section>
          <section>
            <h2 class="panel">API requests (newest first)</h2>
            <div id="requests">${trusted(panels.requests)}</div>
          </section>
        </main>
      </body>
    </html> `;
}
