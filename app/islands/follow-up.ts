// The public follow-up page's one script (decision 0009), instead of React and Remix: the page is complete without
// it; with it, a new report anywhere in the consultation (consultation:changed over socket.io) reloads the page's
// HTML and swaps the follow-up in place, keeping the history boxes the reader opened. Bundled by esbuild at build
// time (npm run build:islands) like the opinion page's island.
import type { io as connect } from "socket.io-client";
import { SOCKET_IO_CLIENT_SRC } from "../components/intake/island-hooks";

const PAGE = "[data-followup-page]";
const REFRESH_THROTTLE_MS = 1_000;

const current = () => document.querySelector<HTMLElement>(PAGE);

async function refresh(): Promise<void> {
  const res = await fetch(window.location.href, { credentials: "same-origin", headers: { accept: "text/html" } });
  if (!res.ok) return;
  const fresh = new DOMParser().parseFromString(await res.text(), "text/html").querySelector<HTMLElement>(PAGE);
  const old = current();
  if (!fresh || !old) return;
  for (const open of old.querySelectorAll<HTMLDetailsElement>("details[id][open]"))
    fresh.querySelector(`details[id="${CSS.escape(open.id)}"]`)?.setAttribute("open", "");
  old.replaceWith(fresh);
}

function live(consultationId: string): void {
  let busy = false;
  let again = false;
  const run = async () => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      await refresh();
    } catch {
      // Offline for a moment: the next change or reconnection tries again.
    }
    setTimeout(() => {
      busy = false;
      if (again) {
        again = false;
        void run();
      }
    }, REFRESH_THROTTLE_MS);
  };
  const src: string = SOCKET_IO_CLIENT_SRC;
  (import(src) as Promise<{ io: typeof connect }>).then(({ io }) => {
    const socket = io({ transports: ["websocket", "polling"] });
    const subscribe = () => socket.emit("subscribe", { consultationId, staff: false });
    socket.on("consultation:changed", () => void run());
    socket.on("connect", () => {
      subscribe();
      void run();
    });
    if (socket.connected) subscribe();
  });
}

const id = current()?.getAttribute("data-consultation-id");
if (id) live(id);
