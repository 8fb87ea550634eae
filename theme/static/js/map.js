// The map a visitor opens: nothing from another website loads before the button is
// pressed ("Show map — loads map tiles from OpenStreetMap"). Then Leaflet comes from our
// own origin (/maps/leaflet-<version>/, plugins/places/leaflet.py) and the map tiles from
// OpenStreetMap, the one other origin the site's CSP allows, for images only.
// A button carries its places (data-points: [[lat, lon, title, url], …]) or the JSON to
// take them from (data-source, data-kind: a listing's map, every item a pin).

const ZONE = "Europe/Stockholm";
let leaflet = null;

function loadLeaflet(base) {
  leaflet ??= new Promise((resolve, reject) => {
    const style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = `${base}leaflet.css`;
    document.head.append(style);
    const script = document.createElement("script");
    script.src = `${base}leaflet.js`;
    script.onload = () => resolve(window.L);
    script.onerror = reject;
    document.head.append(script);
  });
  return leaflet;
}

function today() {
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(new Date());
}

// What the listing's filters chose (js/whats-on.js): paths of pages, or null for all.
let chosen = null;
const redraws = [];
document.addEventListener("listing-filtered", (event) => {
  chosen = event.detail;
  for (const redraw of redraws) redraw();
});

async function pointsOf(button) {
  if (button.dataset.points) return JSON.parse(button.dataset.points);
  const response = await fetch(button.dataset.source, { credentials: "omit" });
  if (!response.ok) throw new Error(`${button.dataset.source}: ${response.status}`);
  const records = (await response.json())[button.dataset.kind] || [];
  const day = today();
  return records
    .filter((r) => r.coordinates)
    .filter(
      (r) =>
        !r.occurrences ||
        (r.status !== "cancelled" &&
          r.occurrences.some((o) => (o.end || o.start).slice(0, 10) >= day)),
    )
    .map((r) => [r.coordinates.lat, r.coordinates.lon, r.title, new URL(r.url).pathname]);
}

function shown(points) {
  return chosen ? points.filter((p) => chosen.includes(p[3])) : points;
}

async function open(button) {
  const box = document.getElementById(button.getAttribute("aria-controls"));
  const status = box.parentElement.querySelector(".map-status");
  button.setAttribute("aria-expanded", "true");
  button.disabled = true;
  box.hidden = false;
  try {
    const [L, points] = await Promise.all([loadLeaflet(button.dataset.leaflet), pointsOf(button)]);
    const map = L.map(box, { scrollWheelZoom: false });
    L.tileLayer(button.dataset.tiles, {
      maxZoom: 18,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
    }).addTo(map);
    const layer = L.featureGroup().addTo(map);
    const draw = () => {
      layer.clearLayers();
      for (const pin of pinsOf(L, button.dataset.points ? points : shown(points))) {
        pin.addTo(layer);
      }
      const pins = layer.getLayers();
      if (pins.length === 1) map.setView(pins[0].getLatLng(), 12);
      else if (pins.length) map.fitBounds(layer.getBounds().pad(0.1));
      else map.setView([56.85, 14.7], 8);
    };
    draw();
    if (!button.dataset.points) redraws.push(draw);
    button.closest(".map-optin").classList.add("map-opened"); // the button's work is done
    if (status) status.textContent = button.dataset.opened;
  } catch {
    box.hidden = true;
    button.disabled = false;
    button.setAttribute("aria-expanded", "false");
    if (status) status.textContent = button.dataset.failed;
  }
}

function pinsOf(L, points) {
  return points.map(([lat, lon, title, url]) => {
    const link = document.createElement("a");
    link.href = url;
    link.textContent = title;
    return L.circleMarker([lat, lon], {
      radius: 9,
      weight: 3,
      color: "#ffffff",
      fillColor: "#8e2b20",
      fillOpacity: 1,
    })
      .bindPopup(link)
      .bindTooltip(title);
  });
}

for (const button of document.querySelectorAll("button[data-map]")) {
  button.addEventListener("click", () => open(button), { once: false });
}
