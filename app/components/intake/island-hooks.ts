// What the opinion page's script (app/islands/opinion.ts: the page is not hydrated, issue 13) finds in the HTML the
// server renders: the page's regions and the data attributes that carry its texts. The React components write them
// through these helpers and the script reads them through the same names, so the two sides cannot drift.
// The script bundles this file: it imports nothing (no React, no translations).

/** The island's name (app/islands/opinion.ts); a route asks the root for it with `handle: { island }`. */
export const OPINION_ISLAND = "opinion";

/** Where the page loads socket.io's ESM client from (server/app.server.ts serves it from node_modules). */
export const SOCKET_IO_CLIENT_SRC = "/vendor/socket.io.esm.min.js";

/** The counter's template carries this where the number goes. */
export const COUNT_PLACEHOLDER = "{count}";

/** How often, at most, the page refreshes the newest opinions while they arrive (leading and trailing). */
export const REFRESH_THROTTLE_MS = 1_000;

/** The id of the receipt's heading: plain posts land on it (`#receipt`), the script focuses it after a post. */
export const RECEIPT_ANCHOR = "receipt";

/** The parts of the page the script looks for, marked with `data-island`. */
export type IslandPart = "page" | "live-badge" | "stage" | "form" | "recent";

export const ISLAND_ATTR = {
  part: "data-island",
  consultationId: "data-consultation-id",
  opinionId: "data-opinion-id",
  reported: "data-reported",
  countTemplate: "data-count-template",
  countLocale: "data-count-locale",
  countHint: "data-count-hint",
  busyLabel: "data-busy-label",
  liveText: "data-live",
  offlineText: "data-offline",
} as const;

const A = ISLAND_ATTR;

/** A CSS selector for a part of the page. */
export function partSelector(part: IslandPart): string {
  return `[${A.part}="${part}"]`;
}

/** A CSS selector for an opinion's card. */
export function opinionSelector(id: string): string {
  return `[${A.opinionId}="${CSS.escape(id)}"]`;
}

// ---- For the React components: spread these props on the elements ----

/** Marks a part of the page. */
export function islandPart(part: IslandPart) {
  return { [A.part]: part };
}

/** The page itself (article.intake): which consultation's room the script joins. */
export function pageHooks(consultationId: string) {
  return { [A.part]: "page" as IslandPart, [A.consultationId]: consultationId };
}

/** An opinion's card; `reported`: the card shows the "reported" note (kept across the script's refreshes). */
export function opinionHooks(id: string, reported: boolean) {
  return { [A.opinionId]: id, [A.reported]: reported ? "" : undefined };
}

/** The opinion's textarea: the counter's text (COUNT_PLACEHOLDER where the number goes), its locale and the hint it fills in. */
export function counterHooks(template: string, locale: string, hintId: string) {
  return { [A.countTemplate]: template, [A.countLocale]: locale, [A.countHint]: hintId };
}

/** A submit button: what it says while the form posts. */
export function busyHooks(label: string) {
  return { [A.busyLabel]: label };
}

/** The live badge: what it says once live and once the connection drops. */
export function liveBadgeHooks(live: string, offline: string) {
  return { [A.part]: "live-badge" as IslandPart, [A.liveText]: live, [A.offlineText]: offline };
}
