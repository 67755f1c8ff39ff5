// Where a form may send the browser next: only a path on this site. Browsers read "\" as "/", so "/\evil.example"
// and "//evil.example" leave the site; control characters can split or bend the Location header.
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  const s = typeof to === "string" ? to : "";
  if (!s.startsWith("/") || s.startsWith("//")) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (s.includes("\\") || /[\u0000-\u001f\u007f]/.test(s)) return fallback;
  return s;
}
