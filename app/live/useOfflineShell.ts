// Makes the current page usable offline: registers the service worker (public/sw.js) and hands it the URLs
// this page was built from (the page itself and its /build assets), so a reload without network works.
import { useEffect, useState } from "react";
import { getSocket } from "./useLive";

function pageUrls(): string[] {
  const assets = performance
    .getEntriesByType("resource")
    .map((e) => e.name)
    .filter((name) => {
      const url = new URL(name, location.href);
      return url.origin === location.origin && (url.pathname.startsWith("/build/") || url.pathname === "/styles.css");
    });
  return [location.pathname, ...new Set(assets)];
}

async function handOver(registration: ServiceWorkerRegistration): Promise<boolean> {
  const worker = registration.active;
  if (!worker) return false;
  const channel = new MessageChannel();
  const answer = new Promise<boolean>((resolve) => {
    channel.port1.onmessage = (e) => resolve(Boolean((e.data as { ok?: boolean })?.ok));
    setTimeout(() => resolve(false), 20_000);
  });
  worker.postMessage({ type: "cache-urls", urls: pageUrls() }, [channel.port2]);
  return answer;
}

/** Answers whether the page is ready to be reloaded offline. `refreshKey` changes re-cache the page. */
export function useOfflineShell(refreshKey: unknown): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    let cancelled = false;
    // The socket.io chunk loads on demand: wait for it so it is cached too.
    Promise.all([navigator.serviceWorker.register("/sw.js").then(() => navigator.serviceWorker.ready), getSocket()])
      .then(([registration]) => handOver(registration))
      .then((ok) => !cancelled && ok && setReady(true))
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [refreshKey]);
  return ready;
}
