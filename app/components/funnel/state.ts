// The translated line that says how far the thing filling a funnel column has come.
import type { ColumnState, ThemeRounds } from "../../domain/funnel-view";
import type { MessageKey, Translate } from "../../i18n";

export function columnStateText(t: Translate, state: ColumnState): string {
  if (state.by === "none") return "";
  const params: Record<string, number> =
    state.by === "thematic_rounds"
      ? { open: state.open, closed: state.closed, tables: state.tables }
      : state.by === "technical_session"
        ? { session: state.session ?? 0 }
        : { open: state.open, closed: state.closed };
  return t(`public_funnel.state.${state.by}.${state.status}` as MessageKey, params);
}

export function roundsText(t: Translate, rounds: ThemeRounds): string {
  return t(`public_funnel.rounds.${rounds.status}` as MessageKey, { round: rounds.round ?? 0, rounds: rounds.rounds });
}

/** The public list behind one figure. */
export function figureHref(base: string, stage: string, themeId: string | null, at: "entered" | "now"): string {
  return `${base}?stage=${encodeURIComponent(stage)}${themeId ? `&theme=${encodeURIComponent(themeId)}` : ""}${at === "now" ? "&at=now" : ""}#list`;
}
