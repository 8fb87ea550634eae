// The iframe variant. A frame page (/widgets/frame/<lang>/<widget>/<filter>/) lists its
// events as plain HTML, which stays if the live widget cannot load; otherwise the widget
// takes its place. The older frame.html?widget=… takes everything from the query string.
// The frame reports its height to the embedding page (embed.js listens).
const query = new URLSearchParams(location.search);
const page = document.body.dataset;
const kind = (page.widget || query.get("widget")) === "destinations" ? "ds-destinations" : "ds-events";
const widget = document.createElement(kind);
const NAMES = ["lang", "municipality", "category", "kind", "limit", "layout", "theme", "from", "days", "accent", "text", "background"];
for (const name of NAMES) {
  const value = page[name] || query.get(name) || (name === "background" ? query.get("bg") : null);
  if (value) widget.setAttribute(name, value);
}
if (!page.lang) document.documentElement.lang = widget.getAttribute("lang") || "sv";
const server = document.querySelector("main");
widget.hidden = Boolean(server);
// The root element's own height is the content's (scrollHeight never drops below the frame).
const report = () =>
  parent.postMessage(
    { type: "ds-widget-height", height: document.documentElement.getBoundingClientRect().height },
    "*",
  );
widget.addEventListener("ds-rendered", (event) => {
  if (server && event.detail.ok) {
    server.remove();
    widget.hidden = false;
  } else if (!server) {
    widget.hidden = false;
  }
  report();
});
document.body.append(widget);
new ResizeObserver(report).observe(document.body);
