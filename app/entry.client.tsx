import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { registerDictionary, type Dictionary } from "./i18n";

// Only the reader's language travels to the browser: the page was rendered in it (<html lang>), and switching
// language reloads the document (root.tsx), so one dictionary is all a page ever needs.
function loadReadersDictionary(): Promise<void> {
  const lang = document.documentElement.lang === "en" ? "en" : "es";
  const loading: Promise<Dictionary> = lang === "en" ? import("./i18n/en").then((m) => m.en) : import("./i18n/es").then((m) => m.es);
  return loading.then((dictionary) => registerDictionary(lang, dictionary));
}

void loadReadersDictionary().then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
