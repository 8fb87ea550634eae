// The widget builder: choices -> live preview and a snippet to copy. DOM APIs only.
const form = document.getElementById("widget-form");
const preview = document.getElementById("widget-preview");
const snippet = document.getElementById("widget-snippet");
const copy = document.getElementById("widget-copy");
const status = document.getElementById("widget-copy-status");
const { script, integrity, frame, embed, site } = form.dataset;
const ATTRS = { events: ["lang", "municipality", "category", "limit", "layout"],
  destinations: ["lang", "municipality", "kind", "limit", "layout"] };
const COLOURS = { accent: "--ds-accent", text: "--ds-text", background: "--ds-bg" };
const PARAMS = { accent: "accent", text: "text", background: "bg" };
const DEFAULT_LIMIT = { events: "5", destinations: "6" };
let lastType = "events";

function choices() {
  const data = new FormData(form);
  const type = data.get("widget");
  if (type !== lastType) {  // a widget's own default count
    form.elements.limit.value = DEFAULT_LIMIT[type];
    lastType = type;
  }
  const attrs = {};
  for (const name of ATTRS[type]) if (data.get(name)) attrs[name] = data.get(name);
  // Only colours the partner changed: the defaults also follow the reader's dark mode.
  const colours = Object.keys(COLOURS).filter((k) => data.get(k) !== form.elements[k].defaultValue);
  const style = colours.map((k) => `${COLOURS[k]}: ${data.get(k)}`).join("; ");
  const params = Object.fromEntries(colours.map((k) => [PARAMS[k], data.get(k)]));
  return { type, variant: data.get("variant"), attrs, style, params };
}

function tagName(type) {
  return type === "destinations" ? "ds-destinations" : "ds-events";
}

function render() {
  const c = choices();
  const widget = document.createElement(tagName(c.type));
  for (const [k, v] of Object.entries(c.attrs)) widget.setAttribute(k, v);
  // CSSOM, not a style attribute: the site's Content-Security-Policy forbids inline styles.
  for (const part of c.style ? c.style.split("; ") : []) {
    const [property, value] = part.split(": ");
    widget.style.setProperty(property, value);
  }
  preview.replaceChildren(widget);
  const attrs = Object.entries(c.attrs).map(([k, v]) => ` ${k}="${v}"`).join("");
  const style = c.style ? ` style="${c.style}"` : "";
  const d = form.dataset, events = c.type === "events";
  if (c.variant === "iframe") {
    const q = new URLSearchParams({ widget: c.type, ...c.attrs, ...c.params });
    snippet.value =
      `<iframe src="${frame}?${q}" title="${events ? d.frameTitle : d.frameTitleDestinations}" style="width:100%;height:600px;border:0" loading="lazy"></iframe>\n` +
      `<noscript><a href="${events ? site : d.siteDestinations}">${events ? d.noscript : d.noscriptDestinations}</a></noscript>\n` +
      `<script type="module" src="${embed}" crossorigin="anonymous"></script>`;
  } else {
    snippet.value =
      `<script type="module" src="${script}" integrity="${integrity}" crossorigin="anonymous"></script>\n` +
      `<${tagName(c.type)}${attrs}${style}></${tagName(c.type)}>`;
  }
}

form.addEventListener("input", render);
form.addEventListener("submit", (event) => event.preventDefault());
copy.addEventListener("click", async () => {
  snippet.select();
  try {
    await navigator.clipboard.writeText(snippet.value);
  } catch {
    document.execCommand("copy");
  }
  status.textContent = copy.dataset.done;
});
render();
