// The three adoption criteria of the methodology, recorded by the technical roundtable for each proposal:
// (a) the responsible public institution accepts it, (b) it is legally viable, (c) it is financially viable.
// A criterion may be recorded several times (not met, then met after a change): the latest record decides,
// by recordedAt and then by insertion order (seq). Pure rules, no I/O.

export const CRITERIA = ["institution", "legal", "financial"] as const;
export type Criterion = (typeof CRITERIA)[number];

export interface CriterionRecord {
  criterion: Criterion;
  met: boolean;
  note: string;
  /** ISO timestamp. */
  recordedAt: string;
  /** Insertion order, the tie-breaker for records with the same recordedAt. */
  seq: number;
}

export const CRITERION_STATUSES = ["met", "not_met", "pending"] as const;
export type CriterionStatus = { criterion: Criterion; status: (typeof CRITERION_STATUSES)[number]; latest: CriterionRecord | null };

/** Compares two records by (recordedAt, seq); timestamps are compared as instants when both parse. */
function compareRecords(a: CriterionRecord, b: CriterionRecord): number {
  const ta = Date.parse(a.recordedAt);
  const tb = Date.parse(b.recordedAt);
  if (Number.isFinite(ta) && Number.isFinite(tb)) {
    if (ta !== tb) return ta - tb;
  } else if (a.recordedAt !== b.recordedAt) {
    return a.recordedAt < b.recordedAt ? -1 : 1;
  }
  return a.seq - b.seq;
}

/** One status per criterion, in CRITERIA order: the latest record's verdict, or "pending" without records. */
export function criteriaStatus(records: readonly CriterionRecord[]): CriterionStatus[] {
  return CRITERIA.map((criterion) => {
    let latest: CriterionRecord | null = null;
    for (const r of records) {
      if (r.criterion === criterion && (latest === null || compareRecords(r, latest) > 0)) latest = r;
    }
    return { criterion, status: latest === null ? "pending" : latest.met ? "met" : "not_met", latest };
  });
}

/** The criteria not (yet) met, in CRITERIA order. A proposal can be adopted into the plan when this is empty. */
export function missingCriteria(records: readonly CriterionRecord[]): Criterion[] {
  return criteriaStatus(records)
    .filter((s) => s.status !== "met")
    .map((s) => s.criterion);
}
