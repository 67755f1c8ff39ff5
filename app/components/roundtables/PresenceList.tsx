// Who is connected to the table right now.
import { useT } from "../../i18n/react";
import type { PresentPerson } from "../../live/roundtable-events";

export function PresenceList({ people }: { people: PresentPerson[] }) {
  const t = useT();
  return (
    <section className="presence" aria-labelledby="presence-h">
      <h2 id="presence-h">{t("roundtable.connected", { count: people.length })}</h2>
      {people.length === 0 ? <p className="empty">{t("roundtable.connected_none")}</p> : null}
      <ul className="chips" data-testid="presence">
        {people.map((p) => (
          <li key={p.userId} className="chip">
            {p.name}
            {p.organization ? <span className="muted"> ({p.organization})</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
