// A page whose form can answer 429: the document response keeps the action's Retry-After, as the JSON API's does
// (Remix builds a page's headers from each route's `headers` export, not from what the action returned).
import type { HeadersFunction } from "@remix-run/node";

export const keepRetryAfter: HeadersFunction = ({ actionHeaders, parentHeaders }) => {
  const headers = new Headers(parentHeaders);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
