// The widget builder: choices -> live preview and a snippet to copy. DOM APIs only.
const form = document.getElementById("widget-form");
const preview = document.getElementById("widget-preview");
const snippet = document.getElementById("widget-snippet");
const copy = document.getElementById("widget-copy");
const status = document.getElementById("widget-copy-status");
const { script, integrity, frame, embed, site } = form.dataset;
const ATTRS = ["lang", "municipality", "category", "kind", "limit", "layout"];
const COLOURS = { accent: "--ds-accent", text: "--ds-text", background: "--ds-bg" };

function choices() {
  const data = new FormData(form);
  const attrs = {};
  for (const name of ATTRS) if (data.get(name)) attrs[name] = data.get(name);
  const style = Object.entries(COLOURS).map(([k, v]) => `${v}: ${data.get(k)}`).join("; ");
  return { type: data.get("widget"), variant: data.get("variant"), attrs, style };
}

function tagName(type) {
  return type === "destinations" ? "ds-destinations" : "ds-events";
}

function render() {
  const c = choices();
  const widget = document.createElement(tagName(c.type));
  for (const [k, v] of Object.entries(c.attrs)) widget.setAttribute(k, v);
  widget.setAttribute("style", c.style);
  preview.replaceChildren(widget);
  const attrs = Object.entries(c.attrs).map(([k, v]) => ` ${k}="${v}"`).join("");
  if (c.variant === "iframe") {
    const q = new URLSearchParams({ widget: c.type, ...c.attrs });
    snippet.value =
      `<iframe src="${frame}?${q}" title="${form.dataset.frameTitle}" style="width:100%;height:600px;border:0" loading="lazy"></iframe>\n` +
      `<noscript><a href="${site}">${form.dataset.noscript}</a></noscript>\n` +
      `<script type="module" src="${embed}" crossorigin="anonymous"></script>`;
  } else {
    snippet.value =
      `<script type="module" src="${script}" integrity="${integrity}" crossorigin="anonymous"></script>\n` +
      `<${tagName(c.type)}${attrs} style="${c.style}"></${tagName(c.type)}>`;
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
