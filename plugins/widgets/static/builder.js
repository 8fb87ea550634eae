// The widget builder: choices -> live preview and a snippet to copy. DOM APIs only.
// The snippet's fallback (iframe title, <noscript> link) comes from the frame page of the
// chosen language and filter, which names it in that language: one source for both.
const form = document.getElementById("widget-form");
const preview = document.getElementById("widget-preview");
const snippet = document.getElementById("widget-snippet");
const copy = document.getElementById("widget-copy");
const status = document.getElementById("widget-copy-status");
const { script, integrity, embed, site } = form.dataset;
const ATTRS = { events: ["lang", "municipality", "category", "limit", "days", "layout", "theme"],
  destinations: ["lang", "municipality", "kind", "limit", "layout", "theme"] };
const DEFAULTS = { layout: "list", theme: "light" };
const COLOURS = ["accent", "text", "background"];
const DEFAULT_LIMIT = { events: "5", destinations: "6" };
let lastType = "events";
let drawn = 0;

function choices() {
  const data = new FormData(form);
  const type = data.get("widget");
  if (type !== lastType) {  // a widget's own default count
    form.elements.limit.value = DEFAULT_LIMIT[type];
    lastType = type;
  }
  const attrs = {};
  for (const name of ATTRS[type]) {
    const value = data.get(name);
    const usual = name === "limit" ? DEFAULT_LIMIT[type] : DEFAULTS[name];
    if (value && value !== usual) attrs[name] = value;
  }
  // Only colours the partner changed, as attributes (a strict CSP forbids style="…").
  for (const name of COLOURS) {
    if (data.get(name) !== form.elements[name].defaultValue) attrs[name] = data.get(name);
  }
  return { type, variant: data.get("variant"), attrs };
}

const tagName = (type) => (type === "destinations" ? "ds-destinations" : "ds-events");
const escape = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

// The frame page of a choice: its language and one filter (a municipality first).
function frameOf(c) {
  const a = c.attrs;
  const filter = ["municipality", "category", "kind"].find((name) => a[name]);
  return { filter, path: `/widgets/frame/${a.lang}/${c.type}/${filter ? `${filter}/${a[filter]}/` : ""}` };
}

async function fallback(path) {
  const html = await (await fetch(path)).text();
  const doc = new DOMParser().parseFromString(html, "text/html");
  return { title: doc.querySelector("h1").textContent, page: doc.querySelector("a.all").getAttribute("href") };
}

async function render() {
  const c = choices(), run = ++drawn;
  c.attrs.lang = c.attrs.lang || form.elements.lang.value;
  const widget = document.createElement(tagName(c.type));
  for (const [k, v] of Object.entries(c.attrs)) widget.setAttribute(k, v);
  preview.replaceChildren(widget);
  const { filter, path } = frameOf(c);
  const { title, page } = await fallback(path);
  if (run !== drawn) return;  // a newer choice is being drawn
  const noscript = `<noscript><a href="${site}${page}">${escape(title)}</a></noscript>`;
  if (c.variant === "iframe") {
    // The frame page has the language and one filter; the rest goes in the query.
    const rest = Object.entries(c.attrs).filter(([k]) => k !== "lang" && k !== filter);
    const q = new URLSearchParams(rest).toString();
    snippet.value =
      `<iframe src="${site}${path}${q ? "?" + q : ""}" title="${escape(title)}" width="600" height="600" loading="lazy"></iframe>\n` +
      `${noscript}\n<script type="module" src="${embed}" crossorigin="anonymous"></script>`;
  } else {
    const attrs = Object.entries(c.attrs).map(([k, v]) => ` ${k}="${escape(v)}"`).join("");
    snippet.value =
      `<script type="module" src="${script}" integrity="${integrity}" crossorigin="anonymous"></script>\n` +
      `<${tagName(c.type)}${attrs}></${tagName(c.type)}>\n${noscript}`;
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
