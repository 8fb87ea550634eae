// The iframe variant: builds the widget from the query string and reports its height
// to the embedding page (embed.js listens). Without embed.js the frame simply scrolls.
const query = new URLSearchParams(location.search);
const kind = query.get("widget") === "destinations" ? "ds-destinations" : "ds-events";
const widget = document.createElement(kind);
for (const name of ["lang", "municipality", "category", "kind", "limit", "layout"]) {
  const value = query.get(name);
  if (value) widget.setAttribute(name, value);
}
const colours = { accent: "--ds-accent", text: "--ds-text", bg: "--ds-bg" };
for (const [name, property] of Object.entries(colours)) {
  const value = query.get(name);
  if (value && /^#[0-9a-f]{6}$/i.test(value)) widget.style.setProperty(property, value);
}
document.documentElement.lang = query.get("lang") || "sv";
document.body.append(widget);
// The root element's own height is the content's (scrollHeight never drops below the frame).
const report = () =>
  parent.postMessage(
    { type: "ds-widget-height", height: document.documentElement.getBoundingClientRect().height },
    "*",
  );
new ResizeObserver(report).observe(document.body);
widget.addEventListener("ds-rendered", report);
