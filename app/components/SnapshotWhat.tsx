// What a funnel snapshot closed, in words (shared by the snapshot list and a snapshot's page).
import { useT } from "../i18n/react";

export interface SnapshotHead {
  command_type: string;
  stage_phase: string | null;
  stage_name: string | null;
  round_number: number | null;
  roundtable_kind: string | null;
  theme_name: string | null;
}

export function SnapshotWhat({ s }: { s: SnapshotHead }) {
  const t = useT();
  if (s.command_type === "stage.close") return <>{t("snapshot.closed_stage", { stage: s.stage_name || (s.stage_phase ? `@phase.${s.stage_phase}` : "") })}</>;
  if (s.command_type === "technical.session.close") return <>{t("snapshot.closed_session", { number: s.round_number ?? "" })}</>;
  if (s.command_type === "round.close") return <>{t("snapshot.closed_round", { number: s.round_number ?? "", theme: s.theme_name ?? "" })}</>;
  return <>{t("snapshot.closed_other", { type: s.command_type })}</>;
}
