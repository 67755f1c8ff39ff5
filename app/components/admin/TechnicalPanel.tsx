// The dashboard's technical roundtable (Mesa Técnica): set it up, designate its chair, link to its live session and
// its public page, and say how it decides (the rule, shares, quorum, whether answers stay private). The point of
// contact edits; other staff read the same settings in words.
import { Link } from "@remix-run/react";
import { DECISION_RULES } from "../../domain/consensus/outcome";
import { ORGANIZATION_SECTORS } from "../../domain/guatemala";
import type { MessageKey } from "../../i18n";
import { useT } from "../../i18n/react";
import { Field, issuesFor } from "../forms";
import { CommandButton, CommandForm } from "./CommandForm";

export const TECHNICAL_INTENTS: Record<string, string> = {
  technical_create: "technical.create",
  technical_chair: "technical.chair",
  decision_settings: "consultation.decision_settings",
};

const SHARE_FIELDS = ["standAsideMaxShare", "supermajorityShare", "quorumShare"] as const;

/**
 * The decision-settings form posts shares as percentages and one `quorumSectorMinimums.<sector>` field per sector;
 * the command takes fractions and an object. Percentages are divided here so "1 %" never reads as the fraction 1.
 */
export function decisionSettingsPayload(form: FormData): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const name of SHARE_FIELDS) {
    const raw = String(form.get(name) ?? "")
      .trim()
      .replace(",", ".");
    if (raw === "") continue;
    const n = Number(raw);
    extra[name] = Number.isFinite(n) && n >= 0 && n <= 100 ? n / 100 : raw;
  }
  const minimums: Record<string, string> = {};
  for (const sector of ORGANIZATION_SECTORS) {
    const raw = form.get(`quorumSectorMinimums.${sector}`);
    if (typeof raw === "string") minimums[sector] = raw.trim() === "" ? "0" : raw.trim();
  }
  extra.quorumSectorMinimums = minimums;
  return extra;
}

export interface TechnicalPanelData {
  table: { id: string; name: string; chair: { userId: string; name: string; organization: string } | null } | null;
  members: Array<{ userId: string; name: string; organization: string }>;
}

interface Settings {
  decision_rule: string;
  stand_aside_max_share: number;
  supermajority_share: number;
  quorum_share: number;
  quorum_sector_minimums: string;
  private_answers: number;
  max_commitments: number;
}

/** A fraction as a percentage for people: 0.6667 → "66.67". */
const percent = (share: number) => String(Math.round(Number(share) * 10000) / 100);

function sectorMinimums(json: string): Record<string, number> {
  try {
    return JSON.parse(json) as Record<string, number>;
  } catch {
    return {};
  }
}

export function TechnicalPanel({
  panel,
  consultation,
  canEdit,
}: {
  panel: TechnicalPanelData;
  consultation: Settings & { id: string; slug: string };
  canEdit: boolean;
}) {
  const t = useT();
  const c = consultation;
  const rule = (DECISION_RULES as readonly string[]).includes(c.decision_rule) ? c.decision_rule : "consent";
  const ruleHint = (r: string) =>
    t(`review.rule_hint.${r}` as MessageKey, { share: percent(r === "fallback" ? c.supermajority_share : c.stand_aside_max_share) });
  const minimums = sectorMinimums(c.quorum_sector_minimums);
  const intent = "decision_settings";
  const chair = panel.table?.chair;
  return (
    <section className="panel technical-panel" aria-labelledby="technical-panel-h" data-testid="technical-panel">
      <h2 id="technical-panel-h">{t("review.panel.title")}</h2>
      <p className="hint">{t("review.panel.hint")}</p>

      {!panel.table ? (
        <>
          <p className="empty">{t("review.panel.none")}</p>
          {canEdit ? <CommandButton intent="technical_create" hidden={{ consultationId: c.id }} label={t("review.panel.create")} className="primary" /> : null}
        </>
      ) : (
        <>
          <p className="row technical-links">
            <Link to={`/admin/c/${c.id}/technical`}>{t("review.panel.live")}</Link>
            <Link to={`/c/${c.slug}/mesa-tecnica`}>{t("review.panel.public")}</Link>
          </p>
          <h3>{t("review.panel.chair")}</h3>
          <p data-testid="technical-chair">
            {chair ? chair.organization ? `${chair.name} (${chair.organization})` : chair.name : <span className="muted">{t("review.panel.chair_none")}</span>}
          </p>
          {canEdit ? (
            panel.members.length === 0 ? (
              <p className="hint">{t("review.panel.no_members")}</p>
            ) : (
              <CommandForm
                intent="technical_chair"
                hidden={{ roundtableId: panel.table.id }}
                submitLabel={t("review.panel.chair_save")}
                className="stack technical-chair-form"
              >
                {(r) => (
                  <Field name="userId" label={t("review.panel.chair_label")} intent="technical_chair" result={r} required>
                    <select id="technical_chair-userId" name="userId" defaultValue={chair?.userId ?? ""} required>
                      <option value="" disabled>
                        {t("review.panel.chair_choose")}
                      </option>
                      {panel.members.map((m) => (
                        <option key={m.userId} value={m.userId}>
                          {m.organization ? `${m.name} (${m.organization})` : m.name}
                        </option>
                      ))}
                    </select>
                  </Field>
                )}
              </CommandForm>
            )
          ) : null}
        </>
      )}

      <h3>{t("review.panel.settings")}</h3>
      {canEdit ? (
        <CommandForm intent={intent} hidden={{ consultationId: c.id }} submitLabel={t("common.save")} className="stack decision-settings">
          {(r) => {
            const sectorIssues = issuesFor(r, intent, "quorumSectorMinimums");
            const ruleIssues = issuesFor(r, intent, "decisionRule");
            return (
              <>
                {r?.ok && r.intent === intent ? (
                  <p className="form-ok" role="status" data-testid="decision-settings-saved">
                    {t("common.saved")}
                  </p>
                ) : null}
                <fieldset className="rule-choices" aria-describedby={ruleIssues.length ? "decision-rule-error" : undefined}>
                  <legend>{t("review.panel.rule")}</legend>
                  {DECISION_RULES.map((r2) => (
                    <div key={r2} className="rule-choice">
                      <input
                        type="radio"
                        id={`decision-rule-${r2}`}
                        name="decisionRule"
                        value={r2}
                        defaultChecked={rule === r2}
                        aria-describedby={`decision-rule-${r2}-hint`}
                        required
                      />
                      <label htmlFor={`decision-rule-${r2}`}>{t(`review.rule.${r2}` as MessageKey)}</label>
                      <small className="hint" id={`decision-rule-${r2}-hint`}>
                        {ruleHint(r2)}
                      </small>
                    </div>
                  ))}
                  {ruleIssues.length ? (
                    <small className="field-error" id="decision-rule-error">
                      {ruleIssues.map((i) => i.message).join(" ")}
                    </small>
                  ) : null}
                </fieldset>
                <div className="row">
                  <Field
                    name="standAsideMaxShare"
                    type="number"
                    min={0}
                    max={100}
                    step="any"
                    label={t("review.panel.stand_aside")}
                    intent={intent}
                    result={r}
                    defaultValue={percent(c.stand_aside_max_share)}
                  />
                  <Field
                    name="supermajorityShare"
                    type="number"
                    min={0}
                    max={100}
                    step="any"
                    label={t("review.panel.supermajority")}
                    intent={intent}
                    result={r}
                    defaultValue={percent(c.supermajority_share)}
                  />
                  <Field
                    name="quorumShare"
                    type="number"
                    min={0}
                    max={100}
                    step="any"
                    label={t("review.panel.quorum")}
                    intent={intent}
                    result={r}
                    defaultValue={percent(c.quorum_share)}
                  />
                </div>
                <fieldset className="sector-minimums" aria-describedby={sectorIssues.length ? "sector-minimums-error" : undefined}>
                  <legend>{t("review.panel.sector_minimums")}</legend>
                  <div className="row">
                    {ORGANIZATION_SECTORS.map((s) => (
                      <div className="field" key={s}>
                        <label htmlFor={`quorum-min-${s}`}>{t(`sector.${s}` as MessageKey)}</label>
                        <input
                          id={`quorum-min-${s}`}
                          name={`quorumSectorMinimums.${s}`}
                          type="number"
                          min={0}
                          max={100}
                          step={1}
                          defaultValue={minimums[s] ?? 0}
                        />
                      </div>
                    ))}
                  </div>
                  {sectorIssues.length ? (
                    <small className="field-error" id="sector-minimums-error">
                      {sectorIssues.map((i) => i.message).join(" ")}
                    </small>
                  ) : null}
                </fieldset>
                <div className="field checkbox">
                  <label>
                    <input type="checkbox" name="privateAnswers" defaultChecked={Boolean(c.private_answers)} /> {t("review.panel.private")}
                  </label>
                </div>
              </>
            );
          }}
        </CommandForm>
      ) : (
        <dl className="sheet decision-summary" data-testid="decision-summary">
          <div>
            <dt>{t("review.panel.rule")}</dt>
            <dd>
              <strong>{t(`review.rule.${rule}` as MessageKey)}</strong> — {ruleHint(rule)}
            </dd>
          </div>
          <div>
            <dt>{t("review.panel.quorum")}</dt>
            <dd>
              {t("review.panel.quorum_now", { share: percent(c.quorum_share) })}
              {Object.entries(minimums).filter(([, n]) => n > 0).length
                ? ` · ${Object.entries(minimums)
                    .filter(([, n]) => n > 0)
                    .map(([s, n]) => `${t(`sector.${s}` as MessageKey)}: ${n}`)
                    .join(", ")}`
                : ""}
            </dd>
          </div>
          <div>
            <dt>{t("review.votes")}</dt>
            <dd>{c.private_answers ? t("review.panel.private_yes") : t("review.panel.private_no")}</dd>
          </div>
        </dl>
      )}
      <p data-testid="technical-commitments">
        {t("review.panel.commitments", { max: c.max_commitments })} <small className="hint">{t("review.panel.commitments_hint")}</small>
      </p>
    </section>
  );
}
