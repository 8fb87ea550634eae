// For partner pages with the iframe variant: sizes each of our iframes to its content
// (full width, no border; CSSOM, which a strict Content-Security-Policy allows).
const ORIGIN = new URL(import.meta.url).origin;
addEventListener("message", (event) => {
  if (event.origin !== ORIGIN || !event.data || event.data.type !== "ds-widget-height") return;
  for (const frame of document.querySelectorAll("iframe")) {
    if (frame.contentWindow !== event.source) continue;
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.height = Math.ceil(event.data.height) + "px";
  }
});
