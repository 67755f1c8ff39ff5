// The opinion page's only script (issue 13: under 60 KiB on a cheap phone). The page is rendered by the server
// and works as plain form posts; it does not load React or Remix (about 86 KiB). This script enhances it:
// forms inside the page post without a reload (the server's answer, the very HTML a plain post gets, replaces the
// page's content), the character counter runs, and the newest opinions follow live over socket.io.
// Every text it shows comes from the page (data attributes written through the translation layer); the elements
// and attributes it looks for are named in ../components/intake/island-hooks, which the components use too.
// `npm run build` bundles it with esbuild into public/build/islands/opinion-<hash>.js (see app/island-script.tsx).
import type { io as connect } from "socket.io-client";
import {
  COUNT_PLACEHOLDER,
  ISLAND_ATTR as A,
  opinionSelector,
  partSelector,
  RECEIPT_ANCHOR,
  REFRESH_THROTTLE_MS,
  SOCKET_IO_CLIENT_SRC,
  type IslandPart,
} from "../components/intake/island-hooks";
import type { LiveStatus } from "../live/useLive";
import { OPINION_EVENTS } from "../live/opinion-events";

const page = (): HTMLElement | null => document.querySelector<HTMLElement>(partSelector("page"));

/** A part of the page (or of a page the server answered) by its `data-island` mark. */
function part<E extends Element = HTMLElement>(within: ParentNode | null | undefined, name: IslandPart): E | null {
  return within?.querySelector<E>(partSelector(name)) ?? null;
}

function parse(html: string): HTMLElement | null {
  return part(new DOMParser().parseFromString(html, "text/html"), "page");
}

// Reports sent from this page keep their "reported" note across live refreshes.
const reported = new Set<string>();

function keepReported(next: HTMLElement): void {
  for (const id of reported) {
    const old = page()?.querySelector(opinionSelector(id));
    const card = next.querySelector(opinionSelector(id));
    if (old && card) card.replaceWith(old.cloneNode(true));
  }
}

function counter(): void {
  const text = page()?.querySelector<HTMLTextAreaElement>(`textarea[${A.countTemplate}]`);
  const template = text?.getAttribute(A.countTemplate);
  const hintId = text?.getAttribute(A.countHint);
  const hint = hintId ? document.getElementById(hintId) : null;
  if (!text || !template || !hint) return;
  const numbers = new Intl.NumberFormat(text.getAttribute(A.countLocale) ?? undefined);
  const show = () => {
    hint.textContent = template.replace(COUNT_PLACEHOLDER, numbers.format(text.value.length));
  };
  text.addEventListener("input", show);
  show();
}

function swap(next: HTMLElement): void {
  const current = page();
  if (!current) return;
  keepReported(next);
  // The live badge is this script's, not the server's: it stays as it is.
  const badge = part(current, "live-badge");
  if (badge) part(next, "live-badge")?.replaceWith(badge);
  current.replaceWith(next);
  counter();
}

async function submit(event: SubmitEvent): Promise<void> {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method !== "post" || !page()?.contains(form)) return;
  event.preventDefault();
  const submitter = event.submitter instanceof HTMLButtonElement || event.submitter instanceof HTMLInputElement ? event.submitter : null;
  const button = submitter ?? form.querySelector<HTMLButtonElement>("button[type=submit]");
  const label = button?.textContent ?? null;
  form.setAttribute("aria-busy", "true");
  if (button) {
    button.disabled = true;
    const busy = button.getAttribute(A.busyLabel);
    if (busy) button.textContent = busy;
  }
  const body = new URLSearchParams();
  for (const [name, value] of new FormData(form, submitter)) if (typeof value === "string") body.append(name, value);
  const reportOf = body.get("intent") === "report" ? body.get("inputId") : null;
  try {
    const res = await fetch(form.action, { method: "POST", body, credentials: "same-origin", headers: { accept: "text/html" } });
    const next = res.headers.get("content-type")?.includes("text/html") ? parse(await res.text()) : null;
    if (res.redirected || !next) {
      window.location.assign(res.url);
      return;
    }
    const reportedNow = reportOf && next.querySelector(`${opinionSelector(reportOf)}[${A.reported}]`) ? reportOf : null;
    swap(next);
    // The receipt is above the form, often screens up on a phone: take the citizen (and the screen reader) to it.
    const receipt = document.getElementById(RECEIPT_ANCHOR);
    if (receipt && page()?.contains(receipt)) {
      receipt.focus({ preventScroll: true });
      receipt.closest(".receipt-box")?.scrollIntoView({ block: "start" });
    }
    // Only after the swap: keepReported would otherwise put the card as it was (the form, busy) back in.
    if (reportedNow) reported.add(reportedNow);
  } catch {
    // Offline or the server is away: send it the plain way, the browser shows what happened.
    form.submit();
  } finally {
    form.removeAttribute("aria-busy");
    if (button) {
      button.disabled = false;
      button.textContent = label;
    }
  }
}

/** Newer opinions and the stage from the server, keeping what the citizen is typing. */
async function refresh(): Promise<void> {
  const res = await fetch(window.location.href, { credentials: "same-origin", headers: { accept: "text/html" } });
  if (!res.ok) return;
  const next = parse(await res.text());
  const current = page();
  if (!next || !current) return;
  // The form came or went (the stage opened or closed): the whole page.
  if (Boolean(part(current, "form")) !== Boolean(part(next, "form"))) return swap(next);
  keepReported(next);
  for (const name of ["recent", "stage"] as const) {
    const old = part(current, name);
    const fresh = part(next, name);
    // Report forms the citizen has open stay open.
    for (const open of old?.querySelectorAll("details[open]") ?? []) {
      const id = open.closest(`[${A.opinionId}]`)?.getAttribute(A.opinionId);
      if (id) fresh?.querySelector(`${opinionSelector(id)} details`)?.setAttribute("open", "");
    }
    if (old && fresh) old.replaceWith(fresh);
  }
}

function show(status: Exclude<LiveStatus, "connecting">): void {
  const badge = part(page(), "live-badge");
  if (!badge) return;
  badge.hidden = false;
  badge.className = `live-badge live-${status}`;
  badge.textContent = badge.getAttribute(status === "live" ? A.liveText : A.offlineText);
}

function live(consultationId: string): void {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    last = Date.now();
    refresh().catch(() => {});
  };
  // Leading and trailing: the first change shows at once, a burst ends with one more refresh.
  const reload = () => {
    const wait = last + REFRESH_THROTTLE_MS - Date.now();
    if (wait <= 0) run();
    else if (!timer) {
      timer = setTimeout(() => {
        timer = null;
        run();
      }, wait);
    }
  };
  // A URL, not a package: the browser loads socket.io's client from the server when the page has settled.
  const src: string = SOCKET_IO_CLIENT_SRC;
  (import(src) as Promise<{ io: typeof connect }>).then(({ io }) => {
    const socket = io({ transports: ["websocket", "polling"] });
    const subscribe = () => socket.emit("subscribe", { consultationId, staff: false }, () => show("live"));
    socket.on(OPINION_EVENTS.changed, reload);
    socket.on("consultation:changed", reload);
    socket.on("disconnect", () => show("offline"));
    socket.on("connect", () => {
      subscribe();
      reload();
    });
    if (socket.connected) subscribe();
  });
}

const root = page();
if (root) {
  document.addEventListener("submit", (event) => void submit(event));
  counter();
  const consultationId = root.getAttribute(A.consultationId);
  if (consultationId) live(consultationId);
}
