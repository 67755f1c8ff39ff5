// Summary lineage (stage 3 → 4): which citizen inputs a systematizer may gather into one theme's summary.
// Forum captures and online opinions are both citizen input: same ids, same rules.

export const SUMMARY_INPUTS_MAX = 500;

export interface LineageInput {
  id: string;
  consultation_id: string;
  theme_id: string | null;
  status: string;
  /** The summary that already took this input up, if any. */
  summaryId: string | null;
}

export type LineageProblem =
  | { inputId: string; reason: "unknown" }
  | { inputId: string; reason: "other_consultation" }
  | { inputId: string; reason: "other_theme" }
  | { inputId: string; reason: "not_visible" }
  | { inputId: string; reason: "taken"; summaryId: string };

/**
 * Problems with linking `inputIds` to a summary of `themeId` (empty when all is well). An input without a
 * theme (an opinion on the methodology or an axis) may go into any theme's summary; an input with a theme
 * only into that theme's. Hidden and withdrawn input is not summarized. An input belongs to one summary:
 * `summaryId` is the summary being edited, whose own inputs are of course allowed.
 */
export function lineageProblems(
  target: { consultationId: string; themeId: string; summaryId?: string | null },
  inputIds: readonly string[],
  found: readonly LineageInput[],
): LineageProblem[] {
  const byId = new Map(found.map((i) => [i.id, i]));
  const problems: LineageProblem[] = [];
  for (const inputId of new Set(inputIds)) {
    const input = byId.get(inputId);
    if (!input) problems.push({ inputId, reason: "unknown" });
    else if (input.consultation_id !== target.consultationId) problems.push({ inputId, reason: "other_consultation" });
    else if (input.theme_id !== null && input.theme_id !== target.themeId) problems.push({ inputId, reason: "other_theme" });
    else if (input.summaryId && input.summaryId !== target.summaryId) problems.push({ inputId, reason: "taken", summaryId: input.summaryId });
    else if (input.status !== "visible") problems.push({ inputId, reason: "not_visible" });
  }
  return problems;
}

/** What an edit does to a summary's links: which to add and which to let go (they become free again). */
export function lineageDiff(current: readonly string[], wanted: readonly string[]): { add: string[]; remove: string[] } {
  const now = new Set(current);
  const next = new Set(wanted);
  return { add: [...next].filter((id) => !now.has(id)), remove: [...now].filter((id) => !next.has(id)) };
}

export interface CoverageInput {
  channel: string;
  status: string;
  summaryId: string | null;
}

/** How much of a theme's visible input is already summarized, per channel: the systematizer's progress. */
export function coverage(inputs: readonly CoverageInput[]): {
  total: number;
  summarized: number;
  byChannel: Record<string, { total: number; summarized: number }>;
} {
  const byChannel: Record<string, { total: number; summarized: number }> = {};
  let total = 0;
  let summarized = 0;
  for (const i of inputs) {
    if (i.status !== "visible") continue;
    byChannel[i.channel] ??= { total: 0, summarized: 0 };
    byChannel[i.channel].total++;
    total++;
    if (i.summaryId) {
      byChannel[i.channel].summarized++;
      summarized++;
    }
  }
  return { total, summarized, byChannel };
}
