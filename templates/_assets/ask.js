// The donation ask's frequency cap (templates/_includes/partials/ask.njk). A reader who closes the
// ask, or says they already support the newsroom, does not see it again for the configured number
// of days. The only thing remembered is the time until which asks stay hidden, in this browser's
// localStorage: no cookie, nothing sent anywhere, and the reader can clear it like any site data.
// Without JavaScript this file never runs and the ask always shows (its buttons stay hidden).

const KEY = "tidings:ask-hidden-until";
const DAY_MS = 24 * 60 * 60 * 1000;

function hiddenUntil() {
  try {
    return Number(window.localStorage.getItem(KEY)) || 0;
  } catch {
    // Storage can be refused (a private window, a browser setting): then nothing is remembered.
    return 0;
  }
}

function hideAsks() {
  for (const ask of document.querySelectorAll("[data-ask]")) ask.hidden = true;
}

function remember(days) {
  if (days <= 0) return;
  try {
    window.localStorage.setItem(KEY, String(Date.now() + days * DAY_MS));
  } catch {
    // As above: the ask is hidden on this page only.
  }
}

if (Date.now() < hiddenUntil()) {
  hideAsks();
} else {
  for (const ask of document.querySelectorAll("[data-ask]")) {
    const controls = ask.querySelector("[data-ask-controls]");
    if (!controls) continue;
    controls.hidden = false;
    controls.addEventListener("click", (event) => {
      const button = event.target instanceof Element ? event.target.closest("button[data-ask-days]") : null;
      if (!button) return;
      remember(Number(button.dataset.askDays));
      hideAsks();
      // The buttons are gone with the ask: keep the keyboard where the reader was reading.
      document.getElementById("main")?.focus({ preventScroll: true });
    });
  }
}
