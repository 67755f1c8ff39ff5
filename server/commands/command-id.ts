import { createHash, randomUUID } from "node:crypto";

/**
 * Command id for a form post: derived from the page's nonce, the command and its payload, so pressing
 * submit twice on the same page applies once, while different forms on that page get different ids.
 */
export function commandIdFor(nonce: string | undefined, type: string, payload: unknown): string {
  if (!nonce) return randomUUID();
  const hex = createHash("sha256")
    .update(`${nonce}\n${type}\n${JSON.stringify(payload)}`)
    .digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
