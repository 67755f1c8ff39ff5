// The Content-Security-Policy nonce of the page being rendered (server/app.server.ts makes one per request). Only the
// server knows it: in the browser it is undefined, and the script tags that carry it suppress the hydration warning.
import { createContext, useContext } from "react";

export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
