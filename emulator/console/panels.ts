import { renderCardHtmlFragment } from "../../provider/card";
import { EmulatorStatus } from "../campaign-lifecycle";
import type { RecordedRequest } from "../options";
import type { CampaignView } from "./campaign-view";
import { type Html, html, trusted } from "../../provider/markup/html";

/** How many of the latest requests the console lists (the admin route gives them all). */
export const CONSOLE_REQUESTS = 200;

/** The card through the package's HTML renderer; a card it cannot render is shown as its text. */
function cardMarkup(card: CampaignView["card"]): Html {
  if (!card.ok) return html`<pre class="raw-card">${card.text}</pre>`;
  try {
    return trusted(renderCardHtmlFragment(card.value));
  } catch (error) {
    return html`<p class="card-error">The card cannot be rendered: ${(error as Error).message}</p>`;
  }
}

/** The emulator's status numbers to choose from, the campaign's own selected. */
const statusOptions = (current: number): Html[] =>
  Object.entries(EmulatorStatus).map(
    ([name, value]) =>
      html`<option value="${value}" ${value === current ? trusted("selected") : ""}>${value} (${name})</option>`,
  );

/** One campaign: its facts, its card, and buttons that call the admin routes (console-script.ts). */
function campaignCard(c: CampaignView): Html {
  const approveTitle = c.inReview
    ? "Approve, as the helpdesk owner would"
    : "Only a campaign in review can be approved: submit it with approval: { reason }";
  return html`<article class="campaign" data-id="${c.id}">
    <header>
      <h2>${c.jobName}</h2>
      <span class="stage stage-${c.stage}">${c.stage}</span>
    </header>
    <dl>
      <dt>id</dt>
      <dd><code>${c.id}</code></dd>
      <dt>status</dt>
      <dd class="status">${c.status} (${c.stage})</dd>
      <dt>push type</dt>
      <dd>${c.pushType}</dd>
      <dt>audience</dt>
      <dd>${c.audience}</dd>
      <dt>users</dt>
      <dd>${c.sentUserCount ?? 0} sent of ${c.targetUserCount ?? "?"} targeted</dd>
      <dt>send time</dt>
      <dd>${c.sendAt ?? "not set"}</dd>
    </dl>
    <div class="card-frame">${cardMarkup(c.card)}</div>
    <div class="actions">
      <button
        type="button"
        data-action="approve"
        data-id="${c.id}"
        title="${approveTitle}"
        ${c.inReview ? "" : trusted("disabled")}
      >
        Approve
      </button>
      <button type="button" data-action="sent" data-id="${c.id}">Mark as sent</button>
      <label
        >status
        <select data-status-for="${c.id}">
          ${statusOptions(c.status)}
        </select></label
      >
      <button type="button" data-action="status" data-id="${c.id}">Set status</button>
      <button type="button" data-action="delete" data-id="${c.id}" class="danger">Delete</button>
    </div>
  </article>`;
}

/** Every campaign, newest first. */
export function campaignsPanel(campaigns: readonly CampaignView[]): Html {
  if (campaigns.length === 0) return html`<p class="empty">No campaigns yet: run <code>pulumi up</code>.</p>`;
  return html`${[...campaigns].reverse().map(campaignCard)}`;
}

/** The latest API requests, newest first: method, path, code, time. */
export function requestsPanel(requests: readonly RecordedRequest[]): Html {
  if (requests.length === 0) return html`<p class="empty">No API requests yet.</p>`;
  const rows = requests
    .slice(-CONSOLE_REQUESTS)
    .reverse()
    .map(
      (r) =>
        html`<tr class="${r.code === 0 ? "ok" : "refused"}">
          <td>${new Date(r.at).toISOString()}</td>
          <td>${r.method}</td>
          <td><code>${r.path}</code></td>
          <td>${r.status}</td>
          <td>${r.code ?? "–"}</td>
          <td>${r.problem ?? ""}</td>
        </tr>`,
    );
  return html`<table>
    <thead>
      <tr>
        <th>time (UTC)</th>
        <th>method</th>
        <th>path</th>
        <th>HTTP</th>
        <th>code</th>
        <th>problem</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}
