// Every merge and split of the table, with who was present and the note of the agreement; the ones of the open
// round can be undone.
import { useFormatDate, useT } from "../../i18n/react";
import { CommandButton } from "../admin/CommandForm";
import type { Organization, SessionOperation } from "./types";

export function OperationsLog({ operations, organizations, canUndo }: { operations: SessionOperation[]; organizations: Organization[]; canUndo: boolean }) {
  const t = useT();
  const date = useFormatDate();
  const acronym = (id: string) => organizations.find((o) => o.id === id)?.acronym ?? "?";
  const titles = (list: Array<{ title: string }>) => list.map((p) => `«${p.title}»`).join(", ");
  return (
    <section className="panel" aria-labelledby="ops-h">
      <h2 id="ops-h">{t("roundtable.operations")}</h2>
      {operations.length === 0 ? <p className="empty">{t("roundtable.operations_empty")}</p> : null}
      <ol className="list" data-testid="operations">
        {operations.map((o) => (
          <li key={o.id} className={o.undoneAt ? "archived" : undefined} data-operation-kind={o.kind}>
            {t(o.kind === "split" ? "roundtable.operation.split" : "roundtable.operation.merge", {
              round: o.roundNumber,
              sources: titles(o.sources),
              results: titles(o.results),
            })}
            <div className="muted">
              {t("roundtable.operation_by", { name: o.createdBy ?? "—", date: date(o.createdAt) })}
              {o.present.length ? ` · ${t("roundtable.operation_present", { orgs: o.present.map(acronym).join(", ") })}` : ""}
            </div>
            {o.agreedNote ? <blockquote>{o.agreedNote}</blockquote> : null}
            {o.undoneAt ? <div className="muted">{t("roundtable.operation_undone", { name: o.undoneBy ?? "—", date: date(o.undoneAt) })}</div> : null}
            {canUndo && o.undoable ? <CommandButton intent="undo" hidden={{ operationId: o.id }} label={t("roundtable.undo")} className="secondary" /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
