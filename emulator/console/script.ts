/**
 * The console's only script, served from its own URL (the page's policy runs no inline script).
 * It polls the panels, swaps in the ones that changed (markup the server escaped), and turns a
 * button's click into a JSON request to the admin route that does it; a refusal is shown as text.
 */
export const consoleScript = `"use strict";
(() => {
  const notice = document.getElementById("notice");
  const say = (text, error) => { notice.textContent = text; notice.className = error ? "error" : ""; };
  const panels = { campaigns: document.getElementById("campaigns"), requests: document.getElementById("requests") };
  const shown = { campaigns: "", requests: "" };
  const live = document.getElementById("live");

  async function refresh() {
    try {
      const reply = await fetch("/__emulator/console/panels", { headers: { Accept: "application/json" } });
      if (!reply.ok) throw new Error("HTTP " + reply.status);
      const next = await reply.json();
      for (const name of ["campaigns", "requests"]) {
        if (typeof next[name] === "string" && next[name] !== shown[name]) {
          panels[name].innerHTML = next[name];
          shown[name] = next[name];
        }
      }
      live.textContent = "live, updated " + new Date().toLocaleTimeString();
    } catch (error) {
      live.textContent = "cannot reach the emulator (" + error.message + "); retrying";
    }
  }

  const campaign = (id) => "/__emulator/notifications/" + encodeURIComponent(id);
  const chosenStatus = (id) =>
    Number([...document.querySelectorAll("select[data-status-for]")].find((s) => s.dataset.statusFor === id).value);
  const routes = {
    approve: (id) => ["POST", campaign(id) + "/approve", {}],
    sent: (id) => ["POST", campaign(id) + "/status", { status: 5 }],
    status: (id) => ["POST", campaign(id) + "/status", { status: chosenStatus(id) }],
    delete: (id) => ["DELETE", campaign(id), {}],
  };

  panels.campaigns.addEventListener("click", async (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button || button.disabled) return;
    const [method, path, body] = routes[button.dataset.action](button.dataset.id);
    const name = button.textContent.trim();
    button.disabled = true;
    try {
      const reply = await fetch(path, {
        method,
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const answer = await reply.json().catch(() => ({}));
      if (reply.ok) say(name + ": done (" + button.dataset.id + ")", false);
      else say(name + " refused: " + (answer.error || "HTTP " + reply.status), true);
    } catch (error) {
      say(name + " failed: " + error.message, true);
    }
    await refresh();
  });

  refresh();
  setInterval(refresh, 1000);
})();
`;
