// For partner pages with the iframe variant: sizes each of our iframes to its content.
const ORIGIN = new URL(import.meta.url).origin;
addEventListener("message", (event) => {
  if (event.origin !== ORIGIN || !event.data || event.data.type !== "ds-widget-height") return;
  for (const frame of document.querySelectorAll("iframe")) {
    if (frame.contentWindow === event.source) frame.style.height = Math.ceil(event.data.height) + "px";
  }
});
