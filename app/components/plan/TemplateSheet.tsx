// A commitment's OGP template as a definition list, in template order (contact details never reach the page).
import type { ProposalTemplate } from "../../domain/schemas/proposal";
import { TEMPLATE_FIELDS, templateText } from "../../domain/proposals/versions";
import { useT } from "../../i18n/react";
import { FIELD_LABELS } from "../../domain/proposals/field-labels";

export function TemplateSheet({ template }: { template: ProposalTemplate }) {
  const t = useT();
  const texts = templateText(template, t);
  return (
    <dl className="template-sheet">
      {TEMPLATE_FIELDS.filter((f) => f !== "title" && texts[f]).map((f) => (
        <div key={f} data-field={f}>
          <dt>{t(FIELD_LABELS[f])}</dt>
          <dd className="pre-line">{texts[f]}</dd>
        </div>
      ))}
    </dl>
  );
}
