import { isMessageKey } from "../i18n";
import { useT } from "../i18n/react";

/** A stage's own name, or its phase's translated name when the point of contact left it empty. */
export function StageName({ stage }: { stage: { name: string; phase: string } }) {
  const t = useT();
  if (stage.name) return <>{stage.name}</>;
  const key = `phase.${stage.phase}`;
  return <>{isMessageKey(key) ? t(key) : stage.phase}</>;
}
