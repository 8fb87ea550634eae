// What's on, worked out in the visitor's browser from the JSON the site publishes, so
// "today", "this weekend" and "coming up" stay right between builds; and the filters of
// the events and destinations listings. The HTML as built (on SOURCE_DATE_EPOCH's date)
// is the fallback without this script: the listings' per-municipality and per-category
// pages, and the home page's lists as of the build.
//
// Days are Swedish days (Europe/Stockholm), whatever the visitor's own zone. Dates are
// handled as "YYYY-MM-DD" strings, which sort and compare as dates.

const ZONE = "Europe/Stockholm";
const LOCALES = { sv: "sv-SE", en: "en-GB", de: "de-DE", da: "da-DK", nl: "nl-NL" };
const FOREVER = "9999-12-31";
// Two rows of four on a wide screen (the home grid's columns), as the build lists them.
const HOME_UPCOMING = 8;

export function today(now = new Date()) {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(now);
}

function addDays(day, n) {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

function weekday(day) {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 Sunday … 6 Saturday
}

// The same rule as the build's (content_model/listings.py, weekend): Saturday and
// Sunday of this week; on a Sunday, today alone.
export function weekend(day) {
  const dow = weekday(day);
  if (dow === 0) return [day, day];
  const saturday = addDays(day, 6 - dow);
  return [saturday, addDays(saturday, 1)];
}

// The days a `datum` value stands for, from `day` on: [first, last], both included.
export function span(value, day) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value < day ? null : [value, value];
  switch (value) {
    case "idag":
      return [day, day];
    case "helgen":
      return weekend(day);
    case "7dagar":
      return [day, addDays(day, 6)];
    case "manaden": {
      const [y, m] = day.split("-").map(Number);
      return [day, new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)];
    }
    default:
      return [day, FOREVER];
  }
}

// An occurrence's first and last day in Swedish time (times carry Sweden's offset).
function days(occurrence) {
  const first = occurrence.start.slice(0, 10);
  return [first, occurrence.end ? occurrence.end.slice(0, 10) : first];
}

// The event's first occurrence with a day in [first, last], or null.
export function firstIn(event, first, last) {
  return (
    event.occurrences.find((o) => {
      const [start, end] = days(o);
      return start <= last && end >= first;
    }) || null
  );
}

export function matching(events, chosen, day) {
  const range = span(chosen.datum || "", day);
  if (!range) return [];
  const found = [];
  for (const event of events) {
    if (chosen.kommun && event.municipality.id !== chosen.kommun) continue;
    if (chosen.kategori && event.category.id !== chosen.kategori) continue;
    if (chosen.gratis && !event.price.free) continue;
    const when = firstIn(event, range[0], range[1]);
    if (when) found.push({ event, when });
  }
  return found.sort(
    (a, b) =>
      a.when.start.localeCompare(b.when.start) || a.event.key.localeCompare(b.event.key),
  );
}

// Cards: the page's own card of an item when it has one, else one made from the JSON.

function cardsOnPage() {
  const found = new Map();
  for (const link of document.querySelectorAll(".card .card-title a")) {
    found.set(new URL(link.href, location.href).pathname, link.closest("li"));
  }
  return found;
}

function element(name, attributes = {}, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

function whenText(occurrence, lang) {
  const locale = LOCALES[lang] || lang;
  const allDay = occurrence.start.length === 10;
  const options = allDay
    ? { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" }
    : {
        timeZone: ZONE,
        weekday: "long",
        day: "numeric",
        month: "long",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
      };
  const parse = (value) => new Date(allDay ? `${value}T00:00:00Z` : value);
  const format = new Intl.DateTimeFormat(locale, options);
  const [first, last] = days(occurrence);
  if (!occurrence.end || (allDay && first === last)) return format.format(parse(occurrence.start));
  return format.formatRange(parse(occurrence.start), parse(occurrence.end));
}

function dayRange(first, last, lang) {
  const format = new Intl.DateTimeFormat(LOCALES[lang] || lang, {
    timeZone: "UTC",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  const parse = (day) => new Date(`${day}T00:00:00Z`);
  if (first === last) return format.format(parse(first));
  // "5–6 June 2027" as the build writes it (ICU spaces the dash between two numbers).
  return format.formatRange(parse(first), parse(last)).replace(/(\d\.?) – (\d)/g, "$1–$2");
}

function card(record, lang, texts, when, heading) {
  const meta = element("p", { class: "card-meta" });
  if (when) {
    meta.append(element("time", { datetime: when.start.slice(0, 16) }, whenText(when, lang)));
    meta.append(` · ${record.municipality.name}`);
    if (record.status !== "scheduled" && texts[`status-${record.status}`]) {
      meta.append(" · ", element("strong", { class: "status" }, texts[`status-${record.status}`]));
    }
  } else if (record.difficulty) {
    meta.append(`${record.kind.label} · ${record.difficulty.label}`);
  } else {
    meta.append(`${record.kind.label} · ${record.municipality.name}`);
  }
  const article = element("article", { class: "card" });
  if (record.language !== lang) article.lang = record.language;
  if (record.image) {
    article.append(
      element("img", {
        class: "card-image",
        src: new URL(record.image.url).pathname,
        width: record.image.width,
        height: record.image.height,
        alt: "",
        loading: "lazy",
        decoding: "async",
      }),
    );
  }
  const link = element("a", { href: new URL(record.url).pathname }, record.title);
  article.append(element(heading, { class: "card-title" }, link), meta);
  article.append(element("p", { class: "card-summary" }, record.summary));
  return element("li", {}, article);
}

function show(list, found, lang, texts, heading) {
  const onPage = cardsOnPage();
  list.replaceChildren(
    ...found.map(({ record, when }) => {
      const own = onPage.get(new URL(record.url).pathname);
      if (!own) return card(record, lang, texts, when, heading);
      const copy = own.cloneNode(true);
      const title = copy.querySelector(".card-title");
      if (title && title.localName !== heading) {
        // The list's own heading level: a card from under an h2 may come under an h3.
        const moved = element(heading, { class: "card-title" });
        moved.append(...title.childNodes);
        title.replaceWith(moved);
      }
      const time = copy.querySelector(".card-meta time");
      if (when && time) time.dateTime = when.start.slice(0, 16);
      return copy;
    }),
  );
}

async function load(url) {
  const response = await fetch(url, { credentials: "omit" });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

function say(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => values[key]);
}

// The home page: this weekend, and what is coming up, as of the visitor's today.

async function home(root) {
  const lang = document.documentElement.lang;
  const texts = root.dataset;
  const { events } = await load(texts.source);
  const day = today();
  const live = events.filter((e) => e.status !== "cancelled");
  const [saturday, sunday] = weekend(day);
  const weekendList = root.querySelector("#home-weekend-list");
  if (weekendList) {
    const found = matching(live, { datum: "helgen" }, day).map(({ event, when }) => ({
      record: event,
      when,
    }));
    show(weekendList, found, lang, texts, "h3");
    weekendList.hidden = found.length === 0;
    root.querySelector("#home-weekend-none").hidden = found.length > 0;
    root.querySelector("#home-weekend-days").textContent = dayRange(saturday, sunday, lang);
  }
  const upcomingList = root.querySelector("#home-events-list");
  if (upcomingList) {
    const found = matching(live, {}, day)
      .slice(0, HOME_UPCOMING)
      .map(({ event, when }) => ({ record: event, when }));
    show(upcomingList, found, lang, texts, "h3");
  }
}

// The listings' filters: the chosen values live in the address (?kommun=vaxjo&datum=helgen),
// so a filtered listing can be shared and bookmarked.

const FIELDS = {
  events: ["datum", "kommun", "kategori", "gratis"],
  destinations: ["kommun", "typ"],
  activities: ["kommun", "typ"],
};

// Where a record is: destinations name one municipality, activities one or more.
function inMunicipality(record, id) {
  return (record.municipalities || [record.municipality]).some((m) => m.id === id);
}

function chosenIn(form, kind) {
  const chosen = {};
  for (const name of FIELDS[kind]) {
    const field = form.elements[name];
    const value = field.type === "checkbox" ? (field.checked ? "1" : "") : field.value;
    if (value) chosen[name] = value;
  }
  if (chosen.datum === "dag") {
    const picked = form.elements.dag.value;
    if (picked) chosen.datum = picked;
    else delete chosen.datum;
  }
  return chosen;
}

function fillForm(form, kind, params) {
  for (const name of FIELDS[kind]) {
    const field = form.elements[name];
    const value = params.get(name) || "";
    if (field.type === "checkbox") field.checked = value === "1";
    else if (/^\d{4}-\d{2}-\d{2}$/.test(value) && name === "datum") {
      field.value = "dag";
      form.elements.dag.value = value;
    } else if ([...field.options].some((o) => o.value === value)) field.value = value;
  }
}

// The listing's map (js/map.js) shows what the filters chose: the pages' paths, or null
// for everything.
function tellTheMap(paths) {
  document.dispatchEvent(new CustomEvent("listing-filtered", { detail: paths }));
}

async function listing(form) {
  const kind = form.dataset.kind;
  const lang = document.documentElement.lang;
  const texts = form.dataset;
  const results = document.getElementById("filter-results");
  const list = results.querySelector("ul");
  const status = form.querySelector(".filter-status");
  const listed = document.querySelectorAll("[data-filtered-out]");
  let records = null;

  fillForm(form, kind, new URLSearchParams(location.search));
  const picker = form.elements.dag;

  async function apply(remember) {
    if (picker) picker.hidden = form.elements.datum.value !== "dag";
    const chosen = chosenIn(form, kind);
    if (remember) {
      const query = new URLSearchParams(chosen).toString();
      history.replaceState(null, "", query ? `?${query}` : location.pathname);
    }
    const active = Object.keys(chosen).length > 0;
    if (!active) {
      for (const part of listed) part.hidden = false;
      results.hidden = true;
      status.textContent = "";
      tellTheMap(null);
      return;
    }
    try {
      records ??= (await load(texts.source))[kind];
    } catch {
      status.textContent = texts.failed;
      for (const part of listed) part.hidden = false;
      results.hidden = true;
      return;
    }
    // The list as built goes and the filtered one comes in the same frame: nothing
    // below jumps up while the JSON loads (layout shift).
    for (const part of listed) part.hidden = true;
    results.hidden = false;
    let found;
    if (kind === "events") {
      found = matching(records, chosen, today()).map(({ event, when }) => ({
        record: event,
        when,
      }));
    } else {
      found = records
        .filter((r) => !chosen.kommun || inMunicipality(r, chosen.kommun))
        .filter((r) => !chosen.typ || r.kind.id === chosen.typ)
        .map((record) => ({ record, when: null }));
    }
    show(list, found, lang, texts, "h3"); // under the results' own h2
    tellTheMap(found.map(({ record }) => new URL(record.url).pathname));
    status.textContent =
      found.length === 0
        ? texts.none
        : say(found.length === 1 ? texts.one : texts.many, { count: found.length });
  }

  form.addEventListener("change", () => apply(true));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply(true);
  });
  form.addEventListener("reset", () => setTimeout(() => apply(true)));
  await apply(false);
}

const homeRoot = document.getElementById("whats-on");
if (homeRoot) home(homeRoot).catch(() => {}); // the lists as built stay
const filterForm = document.getElementById("listing-filter");
if (filterForm) listing(filterForm);
