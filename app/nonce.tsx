// The Content-Security-Policy nonce of the page being rendered (server/app.server.ts makes one per request). Only the
// server knows it: in the browser it is undefined, and the script tags that carry it suppress the hydration warning.
import { createContext, useContext } from "react";

export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}

/**
 * The reader's language as the server knows it, for pages rendered without the root loader's data (an error caught by
 * the root's boundary: Remix does not run the root loader then). In the browser: the language the server wrote on <html>.
 */
export const RequestLangContext = createContext<string | undefined>(undefined);

export function useRequestLang(): string | undefined {
  const fromServer = useContext(RequestLangContext);
  return fromServer ?? (typeof document !== "undefined" ? document.documentElement.lang : undefined);
}
