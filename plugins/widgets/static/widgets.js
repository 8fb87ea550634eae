// Destination Småland widgets: <ds-events> and <ds-destinations>.
// No dependencies, no cookies, no storage; requests go only to the origin this file
// came from; everything is rendered with DOM APIs and textContent.
const BASE = new URL("..", import.meta.url).href.replace(/\/$/, "");
const TEXT = /*TEXT*/ {};
const CSS = `:host{all:initial;display:block;--ds-bg:#fff;--ds-text:#1b1f23;--ds-muted:#4a5560;--ds-accent:#1d4e6b;--ds-border:#c9d3cc;--ds-font:system-ui,sans-serif;--ds-radius:8px}
@media (prefers-color-scheme:dark){:host{--ds-bg:#16202a;--ds-text:#f1f4f6;--ds-muted:#b9c4cc;--ds-accent:#9fd0f0;--ds-border:#3a4a57}}
.w{all:initial;display:block;background:var(--ds-bg);color:var(--ds-text);font:16px/1.5 var(--ds-font);text-align:left;border-radius:var(--ds-radius)}ul{list-style:none;margin:0;padding:0;display:grid;gap:.75em}
.cards ul{grid-template-columns:repeat(auto-fill,minmax(14em,1fr))}li{border:1px solid var(--ds-border);border-radius:var(--ds-radius);padding:.75em;background:var(--ds-bg)}
.list li{border-width:0 0 1px;border-radius:0;padding:.5em 0}a{color:var(--ds-accent);font-weight:600}a:focus-visible{outline:3px solid var(--ds-accent);outline-offset:2px}
img{display:block;width:100%;height:auto;border-radius:calc(var(--ds-radius)/2);margin-bottom:.5em}.list img{display:none}.m{display:block;color:var(--ds-muted);font-size:.9em}
.s{color:#b3261e;font-weight:700}.all{display:inline-block;margin-top:.75em}p{margin:.25em 0}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}`;

function el(tag, attrs, ...kids) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v != null) node.setAttribute(k, v);
  for (const kid of kids) if (kid != null) node.append(kid);
  return node;
}
const t = (lang, key) => (TEXT[lang] || TEXT.en)[key];
const isDate = (s) => s.length === 10;

function when(o, lang) {
  if (isDate(o.start)) {
    const utc = (s) => new Date(s + "T12:00:00Z");
    const f = new Intl.DateTimeFormat(lang, { dateStyle: o.start === o.end ? "full" : "medium", timeZone: "UTC" });
    return o.start === o.end ? f.format(utc(o.start)) : f.formatRange(utc(o.start), utc(o.end));
  }
  const f = new Intl.DateTimeFormat(lang, { dateStyle: "full", timeStyle: "short", timeZone: "Europe/Stockholm" });
  return f.format(new Date(o.start));
}

// Sweden's UTC offset on a date: +2 from the last Sunday of March to the last of October.
function offset(y, m, d) {
  const last = (month) => 31 - new Date(Date.UTC(y, month, 31)).getUTCDay();
  if (m === 3) return d >= last(2) ? 2 : 1;
  if (m === 10) return d >= last(9) ? 1 : 2;
  return m > 3 && m < 10 ? 2 : 1;
}

function ends(o) {
  if (!isDate(o.end)) return Date.parse(o.end);
  const [y, m, d] = o.end.split("-").map(Number);
  return Date.UTC(y, m - 1, d + 1) - offset(y, m, d) * 3600e3;
}

// A constructed stylesheet: allowed under a strict Content-Security-Policy (no inline <style>).
function adopt(shadow) {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    shadow.prepend(el("style", null, CSS));
  }
}

class Widget extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    this.attachShadow({ mode: "open" });
    // Offline or a bad attribute: say so, and still link to the site.
    this.load().catch(() => this.show([], this.language, `${BASE}/${this.language === "sv" ? "" : this.language + "/"}`));
  }
  attr(name, fallback) {
    return this.getAttribute(name) || fallback;
  }
  get language() {
    const code = this.attr("lang", "sv").slice(0, 2).toLowerCase();
    return TEXT[code] ? code : "en";
  }
  get limit() {
    return Math.max(1, parseInt(this.getAttribute("limit"), 10) || this.defaultLimit);
  }
  async load() {
    const lang = this.language;
    const res = await fetch(this.source(lang), { credentials: "omit", mode: "cors" });
    if (!res.ok) throw new Error(res.status);
    const data = await res.json();
    this.show(this.pick(data), lang, data.url);
  }
  show(items, lang, more) {
    const root = el("div", { class: "w " + (this.attr("layout", "list") === "cards" ? "cards" : "list"), lang });
    if (items.length) root.append(el("ul", null, ...items.map((i) => this.item(i, lang))));
    else root.append(el("p", null, t(lang, "none")));
    if (more) root.append(el("a", { class: "all", href: more }, t(lang, this.allKey)));
    this.shadowRoot.replaceChildren(root);
    adopt(this.shadowRoot);
    this.dispatchEvent(new CustomEvent("ds-rendered", { bubbles: true }));
  }
  picture(i) {
    return i.image ? el("img", { src: i.image.url, alt: "", width: i.image.width, height: i.image.height, loading: "lazy" }) : null;
  }
}

class Events extends Widget {
  allKey = "allEvents";
  defaultLimit = 5;
  source(lang) {
    const m = this.attr("municipality"), c = this.attr("category");
    const scope = m ? `municipality/${m}/` : c ? `category/${c}/` : "";
    return `${BASE}/feeds/${lang}/${scope}events.json`;
  }
  pick(data) {
    const now = Date.now(), c = this.attr("category"), m = this.attr("municipality");
    const out = [];
    for (const e of data.events) {
      if ((c && e.category.id !== c) || (m && e.municipality.id !== m)) continue;
      const next = e.occurrences.find((o) => ends(o) > now);
      if (next) out.push({ ...e, at: next });
    }
    out.sort((a, b) => Date.parse(a.at.start) - Date.parse(b.at.start));
    return out.slice(0, this.limit);
  }
  item(e, lang) {
    const status = e.status !== "scheduled" ? el("span", { class: "s" }, t(lang, e.status) + " ") : null;
    return el("li", { lang: e.language },
      this.picture(e),
      el("a", { href: e.url }, e.title),
      el("span", { class: "m", lang }, status, el("time", { datetime: e.at.start }, when(e.at, lang)), " · " + e.municipality.name),
      el("p", null, e.summary));
  }
}

class Destinations extends Widget {
  allKey = "allDestinations";
  defaultLimit = 6;
  source(lang) {
    return `${BASE}/feeds/${lang}/destinations.json`;
  }
  pick(data) {
    const m = this.attr("municipality"), k = this.attr("kind");
    return data.destinations
      .filter((d) => (!m || d.municipality.id === m) && (!k || d.kind.id === k))
      .slice(0, this.limit);
  }
  item(d, lang) {
    return el("li", { lang: d.language },
      this.picture(d),
      el("a", { href: d.url }, d.title),
      el("span", { class: "m", lang }, d.kind.label + " · " + d.municipality.name),
      el("p", null, d.summary));
  }
}

if (!customElements.get("ds-events")) customElements.define("ds-events", Events);
if (!customElements.get("ds-destinations")) customElements.define("ds-destinations", Destinations);
