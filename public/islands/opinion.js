// The opinion page's only script (issue 13: under 60 KiB on a cheap phone). The page is rendered by the server
// and works as plain form posts; it does not load React or Remix (about 86 KiB). This script enhances it:
// forms inside the page post without a reload (the server's answer, the very HTML a plain post gets, replaces the
// page's content), the character counter runs, and the newest opinions follow live over socket.io.
// Every text it shows comes from the page (data attributes written through the translation layer).
const page = () => document.querySelector("article.intake");
const root = page();
const THROTTLE_MS = 1_000;

function parse(html) {
  return new DOMParser().parseFromString(html, "text/html").querySelector("article.intake");
}

// Reports sent from this page keep their "reported" note across live refreshes.
const reported = new Set();

function keepReported(next) {
  for (const id of reported) {
    const old = page()?.querySelector(`[data-opinion-id="${CSS.escape(id)}"]`);
    const card = next.querySelector(`[data-opinion-id="${CSS.escape(id)}"]`);
    if (old && card) card.replaceWith(old.cloneNode(true));
  }
}

function counter() {
  const text = page()?.querySelector("textarea[data-count-template]");
  const hint = text && document.getElementById(`${text.id}-hint`);
  if (!text || !hint) return;
  const numbers = new Intl.NumberFormat(text.dataset.countLocale);
  const show = () => (hint.textContent = text.dataset.countTemplate.replace("{count}", numbers.format(text.value.length)));
  text.addEventListener("input", show);
  show();
}

const BADGE = "[data-testid=live-status]";

function swap(next) {
  keepReported(next);
  // The live badge is this script's, not the server's: it stays as it is.
  const badge = page().querySelector(BADGE);
  if (badge) next.querySelector(BADGE)?.replaceWith(badge);
  page().replaceWith(next);
  counter();
}

async function submit(event) {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method !== "post" || !page()?.contains(form)) return;
  event.preventDefault();
  const button = event.submitter ?? form.querySelector("button[type=submit]");
  const label = button?.textContent;
  form.setAttribute("aria-busy", "true");
  if (button) {
    button.disabled = true;
    if (button.dataset.busyLabel) button.textContent = button.dataset.busyLabel;
  }
  const body = new URLSearchParams(new FormData(form, event.submitter ?? undefined));
  const reportOf = body.get("intent") === "report" ? body.get("inputId") : null;
  try {
    const res = await fetch(form.action, { method: "POST", body, credentials: "same-origin", headers: { accept: "text/html" } });
    const next = res.headers.get("content-type")?.includes("text/html") ? parse(await res.text()) : null;
    if (res.redirected || !next) {
      window.location.assign(res.url);
      return;
    }
    if (reportOf && next.querySelector(`[data-opinion-id="${CSS.escape(reportOf)}"] .form-ok`)) reported.add(reportOf);
    swap(next);
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
async function refresh() {
  const res = await fetch(window.location.href, { credentials: "same-origin", headers: { accept: "text/html" } });
  if (!res.ok) return;
  const next = parse(await res.text());
  const current = page();
  if (!next || !current) return;
  const form = current.querySelector("form.opinion-form");
  if (Boolean(form) !== Boolean(next.querySelector("form.opinion-form"))) return swap(next);
  keepReported(next);
  for (const selector of ["section[aria-labelledby=recent-h]", "[data-testid=intake-stage]"]) {
    const old = current.querySelector(selector);
    const fresh = next.querySelector(selector);
    // Report forms the citizen has open stay open.
    for (const open of old?.querySelectorAll("details[open]") ?? []) {
      const id = open.closest("[data-opinion-id]")?.getAttribute("data-opinion-id");
      if (id) fresh?.querySelector(`[data-opinion-id="${CSS.escape(id)}"] details`)?.setAttribute("open", "");
    }
    if (old && fresh) old.replaceWith(fresh);
  }
}

function live() {
  const consultationId = root.dataset.consultationId;
  const show = (status) => {
    const badge = page()?.querySelector(BADGE);
    if (!badge) return;
    badge.hidden = false;
    badge.className = `live-badge live-${status}`;
    badge.textContent = status === "live" ? badge.dataset.live : badge.dataset.offline;
  };
  let last = 0;
  let timer = null;
  // Leading and trailing: the first change shows at once, a burst ends with one more refresh.
  const reload = () => {
    const wait = last + THROTTLE_MS - Date.now();
    if (wait <= 0) {
      last = Date.now();
      refresh().catch(() => {});
    } else if (!timer) {
      timer = setTimeout(() => {
        timer = null;
        last = Date.now();
        refresh().catch(() => {});
      }, wait);
    }
  };
  import("/vendor/socket.io.esm.min.js").then(({ io }) => {
    const socket = io({ transports: ["websocket", "polling"] });
    const subscribe = () => socket.emit("subscribe", { consultationId, staff: false }, () => show("live"));
    socket.on("opinions:changed", reload);
    socket.on("consultation:changed", reload);
    socket.on("disconnect", () => show("offline"));
    socket.on("connect", () => {
      subscribe();
      reload();
    });
    if (socket.connected) subscribe();
  });
}

if (root) {
  document.addEventListener("submit", submit);
  counter();
  live();
}
