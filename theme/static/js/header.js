// The compact phone header: the language list and the main menu fold behind two
// disclosure buttons (aria-expanded), so content starts near the top of a 390 px screen.
// CSS folds them from the first paint when scripts run; this opens and closes them.
const header = document.querySelector(".site-header");
const toggles = header ? [...header.querySelectorAll(".header-toggle")] : [];

function setOpen(button, open) {
  button.setAttribute("aria-expanded", String(open));
  document.getElementById(button.getAttribute("aria-controls"))
    ?.classList.toggle("is-open", open);
}

for (const button of toggles) {
  const panel = document.getElementById(button.getAttribute("aria-controls"));
  if (!panel) continue;
  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    for (const other of toggles) if (other !== button) setOpen(other, false);
    setOpen(button, open);
  });
}

// Escape closes an open panel and gives the focus back to its button.
header?.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  const open = toggles.find((b) => b.getAttribute("aria-expanded") === "true");
  if (open) {
    setOpen(open, false);
    open.focus();
  }
});

// On the search page and a filtered listing, another language keeps the search and the
// filters (the same parameter names in every language): read when the link is followed,
// since the filters change the address as the visitor chooses.
const keepsQuery = document.querySelector(".search-page, #listing-filter");
document.getElementById("site-languages")?.addEventListener("click", (event) => {
  const link = event.target.closest("a[hreflang]");
  if (!keepsQuery || !link || !location.search) return;
  const target = new URL(link.href);
  target.search = location.search;
  link.href = target.href;
});
