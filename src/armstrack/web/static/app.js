// armstrack pages work without this script; it only adds the network's edge panel and
// keeps a big network drawing at a readable size (its box scrolls instead).
"use strict";

function text(tag, value, attrs) {
  // Build nodes with textContent only: data from the API is never parsed as HTML.
  const node = document.createElement(tag);
  if (value !== undefined && value !== null) node.textContent = String(value);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

async function showEdge(edge) {
  const panel = document.getElementById("edge-panel");
  if (!panel) return;
  document.querySelectorAll(".edge.selected").forEach((e) => e.classList.remove("selected"));
  edge.classList.add("selected");
  const params = new URLSearchParams(window.location.search);
  params.set("supplier", edge.dataset.supplier);
  params.set("recipient", edge.dataset.recipient);
  params.set("limit", "100");
  params.delete("offset");
  panel.replaceChildren(text("h2", "Loading…"));
  const response = await fetch("/api/transfers?" + params.toString(), { headers: { Accept: "application/json" } });
  if (!response.ok) {
    panel.replaceChildren(text("h2", "Could not load the transfers (" + response.status + ")."));
    return;
  }
  const page = await response.json();
  const heading = page.items.length
    ? page.items[0].supplier.name + " → " + page.items[0].recipient.name + ": " + page.total + " transfer" + (page.total === 1 ? "" : "s")
    : "No transfers";
  const list = text("ul", null, { class: "edge-transfers" });
  for (const t of page.items) {
    const item = text("li");
    const link = text("a", "#" + t.id + " " + t.category.replace("_", " ") + " (" + t.status + ")", { href: "/transfers/" + encodeURIComponent(t.id) });
    item.append(link);
    if (t.systems.length) item.append(text("span", " " + t.systems.join(", ")));
    item.append(text("small", " " + (t.first_reported || "") + " · " + t.origins + " origin" + (t.origins === 1 ? "" : "s")));
    list.append(item);
  }
  panel.replaceChildren(text("h2", heading), list, text("a", "Open in the table", { href: edge.getAttribute("href") }));
}

document.addEventListener("DOMContentLoaded", () => {
  // Labels stay at least 80% of their size: a drawing wider than its box scrolls.
  const drawing = document.querySelector("svg.network[data-width]");
  if (drawing) drawing.style.minWidth = Math.round(Number(drawing.dataset.width) * 0.8) + "px";
  document.querySelectorAll("svg.network .edge").forEach((edge) => {
    edge.addEventListener("click", (event) => {
      event.preventDefault();
      showEdge(edge);
    });
    edge.addEventListener("keydown", (event) => {
      if (event.key === " ") {
        event.preventDefault();
        showEdge(edge);
      }
    });
  });
});
