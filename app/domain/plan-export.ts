// The plan in the OGP commitment template, for export (issue 9): one shape built from the plan's records, then written
// as printable HTML (one commitment per printed page, page numbers in the margin), Markdown, CSV and JSON, with Spanish
// or English labels. Pure: the route reads the records and hands them here. No personal data: the responsible
// person is named with name and title only, and comments are not exported.
import { FUNNEL_STAGES } from "./funnel";
import type { ProposalTemplate } from "./schemas/proposal";
import { TEMPLATE_FIELDS, templateText } from "./proposals/versions";
import { formatDate, isLang, type MessageKey, type Translate } from "../i18n";
import { FIELD_LABELS } from "./proposals/field-labels";

export interface PlanExportInput {
  consultationTitle: string;
  status: string;
  introduction: string;
  approval: { by: string; on: string; reference: string } | null;
  submission: { on: string; link: string | null; file: string | null } | null;
  commitments: ReadonlyArray<{
    number: string;
    themeName: string;
    roundtableName: string | null;
    template: ProposalTemplate;
    origin: { mergedFrom: ReadonlyArray<{ title: string; organization: string | null }>; inputs: number; summaries: number };
    revisions: number;
    amendments: ReadonlyArray<{ reason: string; amendedAt: string; added?: boolean }>;
  }>;
  /** The funnel: per theme, how many proposals entered each column. */
  funnel: { columns: readonly string[]; themes: ReadonlyArray<{ name: string; entered: readonly number[] }>; total: readonly number[] };
}

export interface PlanExport {
  title: string;
  consultation: string;
  status: string;
  statusLabel: string;
  generatedAt: string;
  lang: string;
  introduction: string;
  approval: PlanExportInput["approval"];
  submission: PlanExportInput["submission"];
  funnel: { columns: Array<{ key: string; label: string }>; rows: Array<{ theme: string; entered: number[] }>; total: number[] };
  commitments: Array<{
    number: string;
    title: string;
    theme: string;
    fields: Array<{ key: string; label: string; value: string }>;
    period: { startsOn: string | null; endsOn: string | null };
    milestones: Array<{ description: string; responsibleInstitution: string; isNew: boolean; startsOn: string | null; endsOn: string | null }>;
    origin: {
      roundtable: string | null;
      theme: string;
      mergedFrom: Array<{ title: string; organization: string | null }>;
      citizenInputs: number;
      summaries: number;
    };
    revisions: number;
    amendments: Array<{ reason: string; amendedAt: string; added: boolean }>;
  }>;
}

function period(milestones: ProposalTemplate["milestones"]): { startsOn: string | null; endsOn: string | null } {
  const starts = milestones.map((m) => m.startsOn).filter((d): d is string => Boolean(d));
  const ends = milestones.map((m) => m.endsOn).filter((d): d is string => Boolean(d));
  return { startsOn: starts.length ? [...starts].sort()[0] : null, endsOn: ends.length ? [...ends].sort().at(-1)! : null };
}

export function buildPlanExport(input: PlanExportInput, t: Translate, meta: { lang: string; generatedAt: string }): PlanExport {
  return {
    title: t("plan.export.document_title"),
    consultation: input.consultationTitle,
    status: input.status,
    statusLabel: t(`plan.status.${input.status}` as MessageKey),
    generatedAt: meta.generatedAt,
    lang: meta.lang,
    introduction: input.introduction,
    approval: input.approval,
    submission: input.submission,
    funnel: {
      columns: input.funnel.columns.map((key) => ({ key, label: (FUNNEL_STAGES as readonly string[]).includes(key) ? t(`funnel.${key}` as MessageKey) : key })),
      rows: input.funnel.themes.map((r) => ({ theme: r.name, entered: [...r.entered] })),
      total: [...input.funnel.total],
    },
    commitments: input.commitments.map((c) => {
      const texts = templateText(c.template, t);
      return {
        number: c.number,
        title: c.template.title,
        theme: c.themeName,
        fields: TEMPLATE_FIELDS.filter((f) => f !== "milestones").map((key) => ({ key, label: t(FIELD_LABELS[key]), value: texts[key] })),
        period: period(c.template.milestones),
        milestones: c.template.milestones.map((m) => ({ ...m, startsOn: m.startsOn ?? null, endsOn: m.endsOn ?? null })),
        origin: {
          roundtable: c.roundtableName,
          theme: c.themeName,
          mergedFrom: c.origin.mergedFrom.map((p) => ({ title: p.title, organization: p.organization })),
          citizenInputs: c.origin.inputs,
          summaries: c.origin.summaries,
        },
        revisions: c.revisions,
        amendments: c.amendments.map((a) => ({ reason: a.reason, amendedAt: a.amendedAt, added: Boolean(a.added) })),
      };
    }),
  };
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const paragraphs = (s: string) =>
  s
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");

function origin(c: PlanExport["commitments"][number], t: Translate): string[] {
  return [
    c.origin.roundtable ? t("plan.origin_table", { name: c.origin.roundtable }) : t("plan.origin_theme", { name: c.origin.theme }),
    t("plan.origin_inputs", { count: c.origin.citizenInputs }),
    t("plan.origin_summaries", { count: c.origin.summaries }),
  ];
}

/** Dates for people (HTML, Markdown) in the export's language; the CSV keeps ISO dates for spreadsheets. */
function readable(iso: string, lang: string | undefined): string {
  return lang && isLang(lang) ? formatDate(lang, iso) : iso;
}

function milestoneDates(m: { startsOn: string | null; endsOn: string | null }, t: Translate, lang?: string): string {
  const date = (iso: string | null) => (iso ? readable(iso, lang) : t("plan.export.not_set"));
  return t("plan.export.milestone_dates", { start: date(m.startsOn), end: date(m.endsOn) });
}

/** The approval's words with its date written for people. */
function approvalLine(doc: PlanExport, t: Translate): string {
  return doc.approval ? t("plan.approval", { ...doc.approval, on: readable(doc.approval.on, doc.lang) }) : "";
}

/** The print stylesheet (public/plan-print.css): the site allows no inline style. */
export const PRINT_STYLESHEET = "/plan-print.css";

export function planHtml(doc: PlanExport, t: Translate): string {
  const funnel = doc.funnel.rows.length
    ? `<table class="funnel"><thead><tr><th>${escapeHtml(t("plan.funnel_theme"))}</th>${doc.funnel.columns.map((c) => `<th class="n">${escapeHtml(c.label)}</th>`).join("")}</tr></thead><tbody>${doc.funnel.rows
        .map((r) => `<tr><th scope="row">${escapeHtml(r.theme)}</th>${r.entered.map((n) => `<td class="n">${n}</td>`).join("")}</tr>`)
        .join(
          "",
        )}<tr><th scope="row">${escapeHtml(t("plan.funnel_total"))}</th>${doc.funnel.total.map((n) => `<td class="n"><strong>${n}</strong></td>`).join("")}</tr></tbody></table>`
    : `<p>${escapeHtml(t("plan.funnel_empty"))}</p>`;
  const commitments = doc.commitments
    .map((c) => {
      const rows = c.fields
        .map(
          (f) =>
            `<tr><th scope="row">${escapeHtml(f.label)}</th><td>${f.value ? escapeHtml(f.value).replace(/\n/g, "<br>") : t("plan.export.not_set")}</td></tr>`,
        )
        .join("");
      const milestones = c.milestones.length
        ? `<table class="milestones"><thead><tr><th>#</th><th>${escapeHtml(t("proposal.field.milestone_description"))}</th><th>${escapeHtml(t("proposal.field.milestone_institution"))}</th><th>${escapeHtml(t("proposal.field.milestone_is_new"))}</th><th>${escapeHtml(t("plan.export.period"))}</th></tr></thead><tbody>${c.milestones
            .map(
              (m, i) =>
                `<tr><td>${i + 1}</td><td>${escapeHtml(m.description)}</td><td>${escapeHtml(m.responsibleInstitution)}</td><td>${escapeHtml(t(m.isNew ? "proposal.field.milestone_new" : "proposal.field.milestone_ongoing"))}</td><td>${escapeHtml(milestoneDates(m, t, doc.lang))}</td></tr>`,
            )
            .join("")}</tbody></table>`
        : "";
      const merged = c.origin.mergedFrom.length
        ? `<ul>${c.origin.mergedFrom.map((p) => `<li>${escapeHtml(p.title)}${p.organization ? ` (${escapeHtml(p.organization)})` : ""}</li>`).join("")}</ul>`
        : `<p>${escapeHtml(t("plan.origin_merged_none"))}</p>`;
      const amendments = c.amendments.map((a) => `<p>${escapeHtml(t(a.added ? "plan.amendment_added" : "plan.amendment", { reason: a.reason }))}</p>`).join("");
      return `<section class="commitment" data-number="${escapeHtml(c.number)}">
<h2>${escapeHtml(t("plan.commitment_number", { number: c.number }))}: ${escapeHtml(c.title)}</h2>
<table class="template"><tbody>${rows}
<tr><th scope="row">${escapeHtml(t("plan.export.period"))}</th><td>${escapeHtml(milestoneDates(c.period, t, doc.lang))}</td></tr></tbody></table>
<h3>${escapeHtml(t("proposal.field.milestones"))}</h3>${milestones || `<p>${t("plan.export.not_set")}</p>`}
${amendments}
<div class="origin"><h3>${escapeHtml(t("plan.origin"))}</h3><p>${origin(c, t).map(escapeHtml).join(" · ")}</p><p>${escapeHtml(t("plan.origin_merged"))}:</p>${merged}</div>
</section>`;
    })
    .join("\n");
  const approval = doc.approval ? `<p>${escapeHtml(approvalLine(doc, t))}</p>` : `<p class="notice">${escapeHtml(t("plan.export.draft_notice"))}</p>`;
  const submission = doc.submission
    ? `<p>${escapeHtml(t("plan.submission", { on: readable(doc.submission.on, doc.lang) }))}${doc.submission.link ? ` — ${escapeHtml(doc.submission.link)}` : ""}${doc.submission.file ? ` — ${escapeHtml(t("plan.submission_file", { file: doc.submission.file }))}` : ""}</p>`
    : "";
  return `<!doctype html>
<html lang="${escapeHtml(doc.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)} · ${escapeHtml(doc.consultation)}</title><link rel="stylesheet" href="${PRINT_STYLESHEET}"></head>
<body>
<header class="cover"><h1>${escapeHtml(doc.title)}</h1><p><strong>${escapeHtml(doc.consultation)}</strong></p>
<p>${escapeHtml(t("plan.status_line", { status: doc.statusLabel }))}</p>${approval}${submission}
<p>${escapeHtml(t("plan.export.generated", { date: readable(doc.generatedAt.slice(0, 10), doc.lang) }))}</p></header>
${doc.introduction ? `<section class="introduction"><h2>${escapeHtml(t("plan.introduction"))}</h2>${paragraphs(doc.introduction)}</section>` : ""}
<section class="funnel-table"><h2>${escapeHtml(t("plan.funnel_title"))}</h2>${funnel}</section>
${commitments}
</body></html>
`;
}

// Texts typed by people (titles, fields, the introduction, reasons) are escaped before they enter the Markdown, so a
// renderer that passes HTML through shows `<script>` or `<img onerror>` as words, never as markup (the HTML export
// escapes them too); links, images, emphasis and code are neutralized by escaping their punctuation, and a line that
// would open a heading, a list, a quote or a rule gets its first character escaped. Our own labels are written as is.
const mdEntities = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const mdInline = (s: string) => mdEntities(s).replace(/([\\`*_[\]~|])/g, "\\$1");
const oneLine = (s: string) => s.replace(/\s*\n\s*/g, " ").trim();
/** A line's opening that a renderer would read as block markup (a heading, a rule, a list item; * and > are escaped already). */
const mdLineStart = (line: string) =>
  line.replace(/^(\s*)([#=+-]|\d+(?=[.)]))/, (_m, space: string, mark: string) => (/^\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`));
/** One line of people's text (a heading, a list item, a cell): line breaks become spaces. */
const mdText = (s: string) => mdLineStart(mdInline(oneLine(s)));
/** People's text of several paragraphs (the introduction): every line escaped, paragraphs kept. */
const mdBlock = (s: string) =>
  s
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => mdLineStart(mdInline(line.trim())))
    .join("\n");
/** A table cell: escaped text, line breaks as <br> (ours). */
const mdCell = (s: string) =>
  s
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => mdInline(line.trim()))
    .join("<br>");
/** A link we can show as an autolink; anything else is written as escaped text. */
const mdLink = (url: string) => (/^https?:\/\/[^\s<>()]+$/i.test(url) ? `<${url}>` : mdText(url));

export function planMarkdown(doc: PlanExport, t: Translate): string {
  const out: string[] = [`# ${doc.title}`, "", `**${mdText(doc.consultation)}**`, "", t("plan.status_line", { status: doc.statusLabel }), ""];
  if (doc.approval)
    out.push(t("plan.approval", { by: mdText(doc.approval.by), on: readable(doc.approval.on, doc.lang), reference: mdText(doc.approval.reference) }), "");
  else out.push(`> ${t("plan.export.draft_notice")}`, "");
  if (doc.submission)
    out.push(`${t("plan.submission", { on: readable(doc.submission.on, doc.lang) })}${doc.submission.link ? ` — ${mdLink(doc.submission.link)}` : ""}`, "");
  if (doc.introduction) out.push(`## ${t("plan.introduction")}`, "", mdBlock(doc.introduction), "");
  out.push(`## ${t("plan.funnel_title")}`, "");
  out.push(`| ${t("plan.funnel_theme")} | ${doc.funnel.columns.map((c) => mdCell(c.label)).join(" | ")} |`);
  out.push(`| --- | ${doc.funnel.columns.map(() => "---:").join(" | ")} |`);
  for (const r of doc.funnel.rows) out.push(`| ${mdCell(r.theme)} | ${r.entered.join(" | ")} |`);
  out.push(`| **${t("plan.funnel_total")}** | ${doc.funnel.total.map((n) => `**${n}**`).join(" | ")} |`, "");
  for (const c of doc.commitments) {
    out.push(`## ${t("plan.commitment_number", { number: mdInline(c.number) })}: ${mdInline(oneLine(c.title))}`, "");
    out.push(`| ${t("plan.export.field")} | ${t("plan.export.value")} |`, "| --- | --- |");
    for (const f of c.fields) out.push(`| ${mdCell(f.label)} | ${f.value ? mdCell(f.value) : t("plan.export.not_set")} |`);
    out.push(`| ${t("plan.export.period")} | ${milestoneDates(c.period, t, doc.lang)} |`, "");
    out.push(`### ${t("proposal.field.milestones")}`, "");
    c.milestones.forEach((m, i) =>
      out.push(
        `${i + 1}. ${mdInline(oneLine(m.description))} — ${mdInline(oneLine(m.responsibleInstitution))} (${t(m.isNew ? "proposal.field.milestone_new" : "proposal.field.milestone_ongoing")}; ${milestoneDates(m, t, doc.lang)})`,
      ),
    );
    out.push("");
    for (const a of c.amendments) out.push(`> ${t(a.added ? "plan.amendment_added" : "plan.amendment", { reason: mdInline(oneLine(a.reason)) })}`, "");
    const o = c.origin;
    const place = o.roundtable ? t("plan.origin_table", { name: mdInline(o.roundtable) }) : t("plan.origin_theme", { name: mdInline(o.theme) });
    out.push(
      `### ${t("plan.origin")}`,
      "",
      `- ${place}`,
      `- ${t("plan.origin_inputs", { count: o.citizenInputs })}`,
      `- ${t("plan.origin_summaries", { count: o.summaries })}`,
    );
    out.push(
      `- ${t("plan.origin_merged")}: ${o.mergedFrom.length ? o.mergedFrom.map((p) => mdInline(oneLine(p.title))).join("; ") : t("plan.origin_merged_none")}`,
      "",
    );
  }
  return out.join("\n");
}

const csvCell = (s: string | number) => {
  const v = String(s);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** One row per commitment, every template field a column, then where it came from. */
export function planCsv(doc: PlanExport, t: Translate): string {
  const first = doc.commitments[0];
  const fieldLabels = first ? first.fields.map((f) => f.label) : [];
  const header = [
    t("plan.export.number"),
    ...fieldLabels,
    t("plan.export.period"),
    t("proposal.field.milestones"),
    t("plan.funnel_theme"),
    t("plan.origin_table", { name: "" }).replace(/[:\s]+$/, ""),
    t("plan.origin_merged"),
    t("plan.origin_inputs", { count: 0 }).replace(/^0\s*/, ""),
  ];
  const rows = doc.commitments.map((c) => [
    c.number,
    ...c.fields.map((f) => f.value),
    milestoneDates(c.period, t),
    c.milestones.map((m, i) => `${i + 1}. ${m.description} — ${m.responsibleInstitution} (${milestoneDates(m, t)})`).join("\n"),
    c.origin.theme,
    c.origin.roundtable ?? "",
    c.origin.mergedFrom.map((p) => p.title).join("; "),
    c.origin.citizenInputs,
  ]);
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** The words the HTML and Markdown writers use, for the PDF writer (app/lib/plan-pdf.server.ts): the same sentences. */
export const exportWords = { readable, milestoneDates, origin, approvalLine };
