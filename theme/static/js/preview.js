// Previews only (./dev livereload): when the last rebuild stopped on content errors, the
// page the browser shows is the previous one; this lays the errors over it, so they are
// seen where the editor looks, not only in the terminal.
const response = await fetch("/_preview/errors.json", { cache: "no-store" }).catch(() => null);
const report = response && response.ok ? await response.json() : { errors: [] };
if (report.errors.length) {
  const box = document.createElement("section");
  box.setAttribute("role", "alert");
  box.setAttribute("aria-labelledby", "preview-errors-heading");
  box.className = "preview-errors";
  const heading = document.createElement("h2");
  heading.id = "preview-errors-heading";
  heading.textContent = report.heading;
  const list = document.createElement("ul");
  for (const line of report.errors) {
    const item = document.createElement("li");
    const code = document.createElement("code");
    code.textContent = line;
    item.append(code);
    list.append(item);
  }
  const note = document.createElement("p");
  note.textContent = report.note;
  box.append(heading, list, note);
  document.body.prepend(box);
}
