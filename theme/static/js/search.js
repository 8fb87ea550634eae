// Search, on the search page and the 404 page only. The page works without this
// script (the form is a plain GET form; the search page then links to the listings).
// The index is Pagefind's, built with the site, one per language: /pagefind/pagefind.js
// picks the one of this page's <html lang>. Texts come from the page (the catalogs).

const notFound = document.getElementById("not-found");
if (notFound) {
  // A missing page's address often says what was sought: /evenemang/julmarknad-vaxjo/
  const words = decodeURIComponent(location.pathname)
    .replace(/\.html?$/, "")
    .split(/[\/\-_.]+/)
    .filter((w) => w.length > 2 && !/^(sv|en|de|da|nl|index|\d+)$/.test(w));
  const input = notFound.querySelector("input[name=q]");
  if (input && !input.value) input.value = words.slice(-4).join(" ");
}

const root = document.getElementById("search");
if (root) start(root);

function start(root) {
  const form = root.querySelector("form");
  const input = form.querySelector("input[name=q]");
  const type = root.querySelector("#search-type");
  const municipality = root.querySelector("#search-municipality");
  const status = root.querySelector(".search-status");
  const list = root.querySelector(".search-results");
  const text = root.dataset;
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  let pagefind = null;
  let latest = 0;

  async function index() {
    if (!pagefind) {
      pagefind = await import("/pagefind/pagefind.js");
      await pagefind.options({ excerptLength: 24 });
      await pagefind.init();
      const filters = await pagefind.filters();
      fill(type, filters.type || {}, params.get("type"));
      fill(municipality, filters.municipality || {}, params.get("municipality"));
      root.querySelector(".search-filters").hidden = false;
    }
    return pagefind;
  }

  function fill(select, counts, chosen) {
    select.replaceChildren(new Option(text.all, ""));
    for (const name of Object.keys(counts).sort((a, b) => a.localeCompare(b, document.documentElement.lang))) {
      select.add(new Option(name, name, false, name === chosen));
    }
  }

  function say(template, values) {
    return template.replace(/\{(\w+)\}/g, (_, key) => values[key]);
  }

  async function run() {
    const query = input.value.trim();
    const chosen = {};
    if (type.value) chosen.type = type.value;
    if (municipality.value) chosen.municipality = municipality.value;
    const shown = new URLSearchParams();
    if (query) shown.set("q", query);
    for (const [key, value] of Object.entries(chosen)) shown.set(key, value);
    history.replaceState(null, "", shown.size ? `?${shown}` : location.pathname);
    const ticket = ++latest;
    if (!query && !Object.keys(chosen).length) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    status.textContent = text.searching;
    let found;
    try {
      const pf = await index();
      const search = await pf.search(query || null, { filters: chosen });
      found = await Promise.all(search.results.slice(0, 30).map((r) => r.data()));
      found.total = search.results.length;
    } catch (error) {
      console.error("search:", error);
      failed();
      return;
    }
    if (ticket !== latest) return; // a newer search has started
    list.replaceChildren(...found.map(result));
    const count = found.total;
    const template = count === 0 ? text.resultsNone : count === 1 ? text.resultsOne : text.resultsMany;
    status.textContent = say(template, { count, query });
  }

  // Without search, the links to the listings (shown only without scripts) come back.
  function failed() {
    status.textContent = text.failed;
    root.classList.add("search-failed");
  }

  function result(data) {
    const item = document.createElement("li");
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title;
    heading.append(link);
    const about = document.createElement("p");
    about.className = "search-about";
    about.textContent = [data.meta.type, data.meta.municipality].filter(Boolean).join(" · ");
    const excerpt = document.createElement("p");
    // Pagefind's excerpt is our own page text, escaped, with <mark> around the words.
    excerpt.innerHTML = data.excerpt;
    item.append(heading, about, excerpt);
    return item;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  type.addEventListener("change", run);
  municipality.addEventListener("change", run);
  if (input.value || params.get("type") || params.get("municipality")) {
    index().then(run, failed);
  }
}
