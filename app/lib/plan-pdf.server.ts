// plan.pdf (issue 17): the plan in the OGP commitment template as the PDF file OGP receives, written on the server with
// pdfkit from the same export shape as plan.html, plan.md, plan.csv and plan.json (app/domain/plan-export.ts) and with
// the same sentences. A4; the cover (plan, consultation, status, dates) with the introduction; the funnel table on its
// own page; then each commitment from a new page (a long one runs on to the next); page numbers in every footer.
// pdfkit's standard Helvetica is encoded in WinAnsi, which covers Spanish; anything outside it is spelled with the
// nearest letter (Kʼicheʼ → K’iche’, ā → a) or "?" rather than printed as garbage.
import PDFDocument from "pdfkit";
import { exportWords, type PlanExport } from "../domain/plan-export";
import type { Translate } from "../i18n";

const MARGIN = 56;
const FOOTER = 28;
const GREY = "#444444";
const RULE = "#999999";

// Windows-1252's characters above Latin-1's control range: what Helvetica's WinAnsi encoding can show besides ASCII and Latin-1.
const CP1252_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const NEAREST: Record<string, string> = { ʼ: "’", ʻ: "‘", "‐": "-", "‑": "-", "‒": "–", "−": "-", "″": '"', "′": "'", "\u00a0": " " };

function showable(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return ch === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.has(ch);
}

/** The text as Helvetica can print it: each character outside WinAnsi replaced by its nearest, or "?". */
export function winAnsi(text: string): string {
  let out = "";
  for (const ch of text.replace(/\r\n?/g, "\n").replace(/\t/g, " ")) {
    if (showable(ch)) out += ch;
    else if (NEAREST[ch]) out += NEAREST[ch];
    else {
      const bare = ch.normalize("NFKD").replace(/\p{M}/gu, "");
      out += bare && [...bare].every(showable) ? bare : "?";
    }
  }
  return out;
}

type Doc = PDFKit.PDFDocument;

function heading(pdf: Doc, text: string, size: number) {
  pdf.moveDown(0.6).font("Helvetica-Bold").fontSize(size).fillColor("black").text(winAnsi(text)).moveDown(0.3);
  pdf.font("Helvetica").fontSize(10);
}

function para(pdf: Doc, text: string, options: PDFKit.Mixins.TextOptions = {}, color = "black") {
  pdf
    .font("Helvetica")
    .fontSize(10)
    .fillColor(color)
    .text(winAnsi(text), { paragraphGap: 4, ...options });
}

const th = (text: string) => ({ text: winAnsi(text), font: { src: "Helvetica-Bold" }, type: "TH" as const, backgroundColor: "#eeeeee" });
const td = (text: string) => ({ text: winAnsi(text), font: { src: "Helvetica" } });

/** Writes the plan to a PDF file in memory (a plan is a few pages: tens of kilobytes). */
export function planPdf(doc: PlanExport, t: Translate): Promise<Buffer> {
  const { readable, milestoneDates, origin, approvalLine } = exportWords;
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER },
    bufferPages: true,
    lang: doc.lang,
    displayTitle: true,
    info: {
      Title: winAnsi(`${doc.title} · ${doc.consultation}`),
      Subject: winAnsi(doc.consultation),
      Creator: "Cocrea",
      CreationDate: new Date(doc.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const width = pdf.page.width - 2 * MARGIN;

  // The cover: what the document is, whose, in which status, its dates; then the introduction.
  pdf.font("Helvetica-Bold").fontSize(22).text(winAnsi(doc.title));
  pdf.moveDown(0.4).font("Helvetica-Bold").fontSize(14).text(winAnsi(doc.consultation));
  pdf.moveDown(0.8);
  para(pdf, t("plan.status_line", { status: doc.statusLabel }));
  if (doc.approval) para(pdf, approvalLine(doc, t));
  else para(pdf, t("plan.export.draft_notice"), { oblique: true });
  if (doc.submission) {
    const s = doc.submission;
    para(pdf, t("plan.submission", { on: readable(s.on, doc.lang) }));
    if (s.link) para(pdf, `${t("plan.submission_link")}: ${s.link}`, { link: /^https?:\/\//i.test(s.link) ? s.link : undefined, underline: false });
    if (s.file) para(pdf, t("plan.submission_file", { file: s.file }));
  }
  const starts = doc.commitments.map((c) => c.period.startsOn).filter((d): d is string => Boolean(d));
  const ends = doc.commitments.map((c) => c.period.endsOn).filter((d): d is string => Boolean(d));
  if (starts.length || ends.length) {
    const span = { startsOn: starts.length ? [...starts].sort()[0] : null, endsOn: ends.length ? [...ends].sort().at(-1)! : null };
    para(pdf, t("plan.export.plan_period", { dates: milestoneDates(span, t, doc.lang) }));
  }
  para(pdf, t("plan.export.commitments_count", { count: doc.commitments.length }));
  para(pdf, t("plan.export.generated", { date: readable(doc.generatedAt.slice(0, 10), doc.lang) }), {}, GREY);
  if (doc.introduction) {
    heading(pdf, t("plan.introduction"), 14);
    for (const p of doc.introduction
      .replace(/\r\n?/g, "\n")
      .split(/\n{2,}/)
      .map((x) => x.trim())
      .filter(Boolean))
      para(pdf, p);
  }

  // The funnel table, on its own page: how many proposals entered each stage, per theme.
  pdf.addPage();
  heading(pdf, t("plan.funnel_title"), 14);
  if (doc.funnel.rows.length) {
    const numeric = { align: { x: "right" as const, y: "top" as const } };
    pdf.fontSize(9).table({
      columnStyles: [Math.round(width * 0.3), ...doc.funnel.columns.map(() => "*")],
      defaultStyle: { padding: [3, 4, 3, 4], borderColor: RULE, border: 0.5 },
      data: [
        [th(t("plan.funnel_theme")), ...doc.funnel.columns.map((c) => ({ ...th(c.label), ...numeric }))],
        ...doc.funnel.rows.map((r) => [{ ...th(r.theme), backgroundColor: undefined }, ...r.entered.map((n) => ({ ...td(String(n)), ...numeric }))]),
        [th(t("plan.funnel_total")), ...doc.funnel.total.map((n) => ({ ...th(String(n)), ...numeric }))],
      ],
    });
  } else para(pdf, t("plan.funnel_empty"));

  // One commitment per page: every template field, the milestones, where it came from.
  for (const c of doc.commitments) {
    pdf.addPage();
    pdf
      .font("Helvetica-Bold")
      .fontSize(16)
      .fillColor("black")
      .text(winAnsi(`${t("plan.commitment_number", { number: c.number })}: ${c.title}`));
    pdf.moveDown(0.5).fontSize(9);
    pdf.table({
      columnStyles: [Math.round(width * 0.28), "*"],
      defaultStyle: { padding: [3, 4, 3, 4], borderColor: RULE, border: 0.5 },
      data: [
        ...c.fields.map((f) => [th(f.label), td(f.value || t("plan.export.not_set"))]),
        [th(t("plan.export.period")), td(milestoneDates(c.period, t, doc.lang))],
      ],
    });
    heading(pdf, t("proposal.field.milestones"), 12);
    if (c.milestones.length) {
      pdf.fontSize(9).table({
        columnStyles: [20, "*", Math.round(width * 0.2), Math.round(width * 0.14), Math.round(width * 0.24)],
        defaultStyle: { padding: [3, 4, 3, 4], borderColor: RULE, border: 0.5 },
        data: [
          [
            th("#"),
            th(t("proposal.field.milestone_description")),
            th(t("proposal.field.milestone_institution")),
            th(t("proposal.field.milestone_is_new")),
            th(t("plan.export.period")),
          ],
          ...c.milestones.map((m, i) => [
            td(String(i + 1)),
            td(m.description),
            td(m.responsibleInstitution),
            td(t(m.isNew ? "proposal.field.milestone_new" : "proposal.field.milestone_ongoing")),
            td(milestoneDates(m, t, doc.lang)),
          ]),
        ],
      });
    } else para(pdf, t("plan.export.not_set"));
    for (const a of c.amendments) {
      pdf.moveDown(0.4);
      para(pdf, t("plan.amendment", { reason: a.reason }));
    }
    heading(pdf, t("plan.origin"), 12);
    para(pdf, origin(c, t).join(" · "));
    para(pdf, `${t("plan.origin_merged")}:`);
    if (c.origin.mergedFrom.length)
      pdf.list(
        c.origin.mergedFrom.map((p) => winAnsi(p.organization ? `${p.title} (${p.organization})` : p.title)),
        { bulletRadius: 1.5, paragraphGap: 2 },
      );
    else para(pdf, t("plan.origin_merged_none"));
  }

  // Page numbers, once the number of pages is known (pages are kept in memory until now: bufferPages).
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0; // writing inside the bottom margin must not open a new page
    const y = pdf.page.height - MARGIN - 10;
    pdf
      .moveTo(MARGIN, y - 6)
      .lineTo(pdf.page.width - MARGIN, y - 6)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    pdf.font("Helvetica").fontSize(8).fillColor(GREY);
    pdf.text(winAnsi(doc.consultation), MARGIN, y, { width: width * 0.7, lineBreak: false, ellipsis: true, height: 10 });
    pdf.text(winAnsi(t("plan.export.page_of", { page: i + 1 - range.start, pages: range.count })), MARGIN, y, { width, align: "right", lineBreak: false });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}
