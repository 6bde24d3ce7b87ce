// Click-to-load embeds (src/embeds/embed-html.ts). The page loads nothing from a video, chart or
// map provider until the reader selects the facade: only then is the provider's iframe made,
// with the permissions and sandbox the build chose for that provider. Without JavaScript the
// facade is an ordinary link to the provider's own page.

function load(link) {
  const frame = document.createElement("iframe");
  frame.src = link.dataset.embedSrc;
  frame.title = link.dataset.embedTitle || link.textContent.trim();
  if (link.dataset.embedAllow) frame.allow = link.dataset.embedAllow;
  if (link.dataset.embedSandbox) frame.setAttribute("sandbox", link.dataset.embedSandbox);
  frame.setAttribute("allowfullscreen", "");
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  frame.className = "embed-frame";
  link.replaceWith(frame);
  frame.focus();
}

document.addEventListener("click", (event) => {
  if (!(event.target instanceof Element)) return;
  const link = event.target.closest("a[data-embed-src]");
  // A reader opening the link in a new tab (or with a modifier key) gets the provider's page.
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  load(link);
});
