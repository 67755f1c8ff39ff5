// Plain HTML forms post flat fields; the OGP template is nested (milestones, relevance, several results of a
// split). Fields named with dots — `milestones.0.description`, `relevance.transparency`, `present.3` — are
// turned into the nested payload the command schemas expect, so the same forms work with and without JavaScript.

type Nested = { [key: string]: Nested | string };

const isIndex = (key: string) => /^\d+$/.test(key);

/** Objects whose keys are all indexes become arrays (in index order; gaps from unticked boxes close up). */
function arrays(value: Nested | string): unknown {
  if (typeof value === "string") return value;
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every(isIndex)) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => arrays(value[k]));
  }
  return Object.fromEntries(keys.map((k) => [k, arrays(value[k])]));
}

/** A row the person left empty: every text in it is blank (keys in `ignore`, like a select's default, do not count). */
function isBlankRow(value: unknown, ignore: readonly string[]): boolean {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  return Object.entries(value).every(([k, v]) => ignore.includes(k) || (typeof v === "string" && v.trim() === ""));
}

function dropBlankRows(value: unknown, ignore: readonly string[]): unknown {
  if (Array.isArray(value)) return value.filter((v) => !isBlankRow(v, ignore)).map((v) => dropBlankRows(v, ignore));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, dropBlankRows(v, ignore)]));
  return value;
}

/**
 * Nests dotted field names. Only dotted fields are returned (plain ones pass through the form adapter as they are).
 * Rows in lists whose texts are all blank are dropped, so a form can always offer one more empty milestone.
 */
export function nestFormFields(flat: Record<string, unknown>, options: { ignoreInBlankRows?: readonly string[] } = {}): Record<string, unknown> {
  const root: Nested = {};
  for (const [name, value] of Object.entries(flat)) {
    if (!name.includes(".") || typeof value !== "string") continue;
    const parts = name.split(".");
    let node = root;
    parts.slice(0, -1).forEach((part) => {
      const child = node[part];
      node = (node[part] = typeof child === "object" ? child : {}) as Nested;
    });
    node[parts[parts.length - 1]] = value;
  }
  return dropBlankRows(arrays(root), options.ignoreInBlankRows ?? []) as Record<string, unknown>;
}
