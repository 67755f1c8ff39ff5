// A command type as people name what happened ("Propuestas unificadas"), wherever the app lists commands.
import { isMessageKey } from "../i18n";
import { useT } from "../i18n/react";

export function useCommandName(): (type: string) => string {
  const t = useT();
  return (type) => {
    const key = `activity.cmd.${type}`;
    return isMessageKey(key) ? t(key) : t("activity.unknown", { type });
  };
}
