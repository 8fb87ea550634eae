// Destination Småland widgets: <ds-events> and <ds-destinations>.
const BASE = new URL("..", import.meta.url).href.replace(/\/$/, "");
const TEXT = {"da":{"allDestinations":"Alle destinationer","allEvents":"Alle begivenheder","bad":"Widgetten har en indstilling, den ikke kender (se browserens konsol).","cancelled":"Aflyst","destinationsPage":"/da/destinationer/","eventsPage":"/da/begivenheder/","failed":"Begivenhederne kunne ikke hentes lige nu.","failedDestinations":"Rejsemålene kunne ikke hentes lige nu.","noDestinations":"Ingen rejsemål at vise.","none":"Ingen kommende begivenheder lige nu.","postponed":"Udsat","rescheduled":"Ny dato"},"de":{"allDestinations":"Alle Reiseziele","allEvents":"Alle Veranstaltungen","bad":"Dieses Widget hat eine Einstellung, die es nicht kennt (siehe Browser-Konsole).","cancelled":"Abgesagt","destinationsPage":"/de/reiseziele/","eventsPage":"/de/veranstaltungen/","failed":"Die Veranstaltungen konnten gerade nicht geladen werden.","failedDestinations":"Die Ausflugsziele konnten gerade nicht geladen werden.","noDestinations":"Keine Ausflugsziele vorhanden.","none":"Derzeit stehen keine Veranstaltungen an.","postponed":"Verschoben","rescheduled":"Neuer Termin"},"en":{"allDestinations":"All destinations","allEvents":"All events","bad":"This widget has a setting it does not know (see the browser console).","cancelled":"Cancelled","destinationsPage":"/en/destinations/","eventsPage":"/en/events/","failed":"The events could not be loaded just now.","failedDestinations":"The destinations could not be loaded just now.","noDestinations":"No destinations to show.","none":"No upcoming events right now.","postponed":"Postponed","rescheduled":"New date"},"nl":{"allDestinations":"Alle bestemmingen","allEvents":"Alle evenementen","bad":"Deze widget heeft een instelling die hij niet kent (zie de console van de browser).","cancelled":"Geannuleerd","destinationsPage":"/nl/bestemmingen/","eventsPage":"/nl/evenementen/","failed":"De evenementen konden nu niet worden geladen.","failedDestinations":"De bestemmingen konden nu niet worden geladen.","noDestinations":"Geen bestemmingen om te tonen.","none":"Er zijn op dit moment geen komende evenementen.","postponed":"Uitgesteld","rescheduled":"Nieuwe datum"},"sv":{"allDestinations":"Alla besöksmål","allEvents":"Alla evenemang","bad":"Widgeten har en inställning den inte känner igen (se webbläsarens konsol).","cancelled":"Inställt","destinationsPage":"/destinationer/","eventsPage":"/evenemang/","failed":"Evenemangen gick inte att hämta just nu.","failedDestinations":"Resmålen gick inte att hämta just nu.","noDestinations":"Inga resmål att visa.","none":"Inga kommande evenemang just nu.","postponed":"Uppskjutet","rescheduled":"Nytt datum"}};
const VALUES = {"category":["music","culture","sports","food","market","family","outdoors","festival","exhibition"],"kind":["nature","water","museum","glass","castle","heritage","town","family","stay","eat"],"lang":["sv","en","de","da","nl"],"municipality":["alvesta","lessebo","ljungby","markaryd","tingsryd","uppvidinge","vaxjo","almhult"]};
const DARK = "--ds-bg:#16202a;--ds-text:#f1f4f6;--ds-muted:#b9c4cc;--ds-accent:#9fd0f0;--ds-border:#3a4a57";
const CSS = `:host{all:initial;display:block;--ds-bg:#fff;--ds-text:#1b1f23;--ds-muted:#4a5560;--ds-accent:#1d4e6b;--ds-border:#c9d3cc;--ds-font:system-ui,sans-serif;--ds-radius:8px}
:host([hidden]){display:none}:host([theme=dark]){${DARK}}@media (prefers-color-scheme:dark){:host([theme=auto]){${DARK}}}
.w{all:initial;display:block;padding:.75em;background:var(--ds-bg);color:var(--ds-text);font:16px/1.5 var(--ds-font);text-align:left;border-radius:var(--ds-radius)}ul{list-style:none;margin:0;padding:0;display:grid;gap:.75em}
.cards ul{grid-template-columns:repeat(auto-fill,minmax(14em,1fr))}li{border:1px solid var(--ds-border);border-radius:var(--ds-radius);padding:.75em;background:var(--ds-bg)}
.list li{border-width:0 0 1px;border-radius:0;padding:.5em 0}a{color:var(--ds-accent);font-weight:600}a:focus-visible{outline:3px solid var(--ds-accent);outline-offset:2px}
img{display:block;width:100%;height:auto;border-radius:calc(var(--ds-radius)/2);margin-bottom:.5em}.list img{display:none}.m{display:block;color:var(--ds-muted);font-size:.9em}
.s{color:#b3261e;font-weight:700}.all{display:inline-block;margin-top:.75em}p{margin:.25em 0}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}`;
const COLOURS = { accent: "--ds-accent", text: "--ds-text", background: "--ds-bg" };
const COMMON = { layout: ["list", "cards"], theme: ["light", "dark", "auto"] };
const DAY = 864e5;
function el(tag, attrs, ...kids) {
const node = document.createElement(tag);
for (const [k, v] of Object.entries(attrs || {})) if (v != null) node.setAttribute(k, v);
for (const kid of kids) if (kid != null) node.append(kid);
return node;
}
const t = (lang, key) => TEXT[lang][key];
const isDate = (s) => s.length === 10;
const code = (s) => (s || "").slice(0, 2).toLowerCase();
const dates = (lang) => (lang === "en" ? "en-GB" : lang);
function when(o, lang) {
if (isDate(o.start)) {
const utc = (s) => new Date(s + "T12:00:00Z");
const f = new Intl.DateTimeFormat(dates(lang), { dateStyle: o.start === o.end ? "full" : "medium", timeZone: "UTC" });
return o.start === o.end ? f.format(utc(o.start)) : f.formatRange(utc(o.start), utc(o.end));
}
const f = new Intl.DateTimeFormat(dates(lang), { dateStyle: "full", timeStyle: "short", timeZone: "Europe/Stockholm" });
return f.format(new Date(o.start));
}
function offset(y, m, d) {
const last = (month) => 31 - new Date(Date.UTC(y, month, 31)).getUTCDay();
if (m === 3) return d >= last(2) ? 2 : 1;
if (m === 10) return d >= last(9) ? 1 : 2;
return m > 3 && m < 10 ? 2 : 1;
}
function midnight(day, plus = 0) {
const [y, m, d] = day.split("-").map(Number);
return Date.UTC(y, m - 1, d + plus) - offset(y, m, d) * 3600e3;
}
const starts = (o) => (isDate(o.start) ? midnight(o.start) : Date.parse(o.start));
const ends = (o) => (isDate(o.end) ? midnight(o.end, 1) : Date.parse(o.end));
function adopt(shadow, css) {
try {
const sheet = new CSSStyleSheet();
sheet.replaceSync(css);
shadow.adoptedStyleSheets = [sheet];
} catch {
shadow.prepend(el("style", null, css));
}
}
class Widget extends HTMLElement {
run = 0;
queued = false;
static observedAttributes = ["lang", "municipality", "category", "kind", "limit", "layout", "theme", "from", "days", ...Object.keys(COLOURS)];
connectedCallback() {
if (!this.shadowRoot) this.attachShadow({ mode: "open" });
this.update();
}
attributeChangedCallback() {
if (this.shadowRoot) this.update();
}
update() {
if (this.queued) return;
this.queued = true;
queueMicrotask(() => {
this.queued = false;
this.load(++this.run);
});
}
attr(name, fallback) {
return this.getAttribute(name) || fallback;
}
get language() {
for (const lang of [this.getAttribute("lang"), this.parentElement?.closest("[lang]")?.lang, document.documentElement.lang]) {
if (TEXT[code(lang)]) return code(lang);
}
return "sv";
}
get limit() {
return Math.max(1, parseInt(this.getAttribute("limit"), 10) || this.defaultLimit);
}
problems() {
const bad = [];
const allowed = { lang: VALUES.lang, ...COMMON, ...this.allowed };
for (const [name, values] of Object.entries(allowed)) {
const value = this.getAttribute(name);
if (value && !values.includes(name === "lang" ? code(value) : value)) bad.push(`${name}="${value}": use one of ${values.join(", ")}`);
}
for (const name of ["limit", "days"]) {
const value = this.getAttribute(name);
if (value && !/^[1-9]\d*$/.test(value)) bad.push(`${name}="${value}": use a whole number above 0`);
}
const from = this.getAttribute("from");
if (from && !/^\d{4}-\d\d-\d\d$/.test(from)) bad.push(`from="${from}": use a date, YYYY-MM-DD`);
for (const name of Object.keys(COLOURS)) {
const value = this.getAttribute(name);
if (value && !/^#[0-9a-f]{6}$/i.test(value)) bad.push(`${name}="${value}": use a colour, #rrggbb`);
}
return bad;
}
async load(run) {
const lang = this.language, bad = this.problems(), page = BASE + t(lang, this.page);
if (bad.length) {
for (const problem of bad) console.warn(`<${this.localName}> ${problem}`);
return this.message(lang, "bad", page);
}
const url = this.source(lang);
let data;
try {
const res = await fetch(url, { credentials: "omit", mode: "cors" });
if (!res.ok) throw new Error(`HTTP ${res.status}`);
data = await res.json();
} catch (error) {
console.warn(`<${this.localName}> could not load ${url}: ${error.message}`);
if (run === this.run) this.message(lang, this.failed, page);
return;
}
if (run === this.run) this.show(this.pick(data), lang, data.url);
}
frame(lang, ok, ...kids) {
const root = el("div", { class: "w " + (this.attr("layout", "list") === "cards" ? "cards" : "list"), lang }, ...kids);
this.shadowRoot.replaceChildren(root);
const colours = Object.entries(COLOURS).filter(([name]) => /^#[0-9a-f]{6}$/i.test(this.getAttribute(name)));
adopt(this.shadowRoot, CSS + `:host{${colours.map(([name, property]) => `${property}:${this.getAttribute(name)}`).join(";")}}`);
this.dispatchEvent(new CustomEvent("ds-rendered", { bubbles: true, detail: { ok } }));
}
message(lang, key, page) {
this.frame(lang, false, el("p", { role: "status" }, t(lang, key)), el("a", { class: "all", href: page }, t(lang, this.allKey)));
}
show(items, lang, more) {
this.frame(lang, true,
items.length ? el("ul", null, ...items.map((i) => this.item(i, lang))) : el("p", null, t(lang, this.none)),
el("a", { class: "all", href: more }, t(lang, this.allKey)));
}
picture(i) {
return i.image ? el("img", { src: i.image.url, alt: "", width: i.image.width, height: i.image.height, loading: "lazy" }) : null;
}
}
class Events extends Widget {
allKey = "allEvents";
page = "eventsPage";
none = "none";
failed = "failed";
defaultLimit = 5;
get allowed() {
return { municipality: VALUES.municipality, category: VALUES.category };
}
source(lang) {
const m = this.attr("municipality"), c = this.attr("category");
const scope = m ? `municipality/${m}/` : c ? `category/${c}/` : "";
return `${BASE}/feeds/${lang}/${scope}events.json`;
}
pick(data) {
const c = this.attr("category"), m = this.attr("municipality"), from = this.getAttribute("from");
const begin = from ? Math.max(Date.now(), midnight(from)) : Date.now();
const days = parseInt(this.getAttribute("days"), 10);
const until = days ? (from ? midnight(from, days) : begin + days * DAY) : Infinity;
const out = [];
for (const e of data.events) {
if ((c && e.category.id !== c) || (m && e.municipality.id !== m)) continue;
const next = e.occurrences.find((o) => ends(o) > begin && starts(o) < until);
if (next) out.push({ ...e, at: next });
}
const off = (e) => (e.status === "cancelled" ? 1 : 0);
out.sort((a, b) => off(a) - off(b) || starts(a.at) - starts(b.at));
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
page = "destinationsPage";
none = "noDestinations";
failed = "failedDestinations";
defaultLimit = 6;
get allowed() {
return { municipality: VALUES.municipality, kind: VALUES.kind };
}
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
