// Opinion statistics (the methodology asks for them): counts by theme, department, sector, gender, age range,
// language and day. Pure: the database groups rows into facets, this folds them into one tally per dimension.
// Hidden opinions are not in the charts; they are counted separately, so nothing disappears from the totals.
import { DEPARTMENTS, PARTICIPANT_SECTORS } from "./guatemala";
import { AGE_RANGES, GENDERS, LANGUAGE_ANSWERS, METHODOLOGY_AXES } from "./opinion";

/** A group of opinions sharing every dimension, with how many there are. */
export interface OpinionFacet {
  status: string;
  subject: string;
  themeId: string | null;
  axis: string | null;
  department: string | null;
  sector: string | null;
  ageRange: string | null;
  gender: string | null;
  /** 1 speaks a Mayan, Garífuna or Xinka language, 0 does not, null not said. */
  language: number | null;
  /** Local (Guatemala) calendar day, YYYY-MM-DD. */
  day: string;
  n: number;
}

/** One bar: `key` null means "not said". */
export interface Tally {
  key: string | null;
  count: number;
  /** count / visible opinions, 0..1 (0 when there are none). */
  share: number;
}

export interface OpinionStats {
  visible: number;
  hidden: number;
  /** `methodology`, `axis:<axis>` or `theme:<themeId>`, like the form's choice. */
  bySubject: Tally[];
  hiddenBySubject: Tally[];
  byDepartment: Tally[];
  bySector: Tally[];
  byGender: Tally[];
  byAge: Tally[];
  byLanguage: Tally[];
  /** Every day from the first opinion to the last, days without opinions included. */
  byDay: Tally[];
}

export function subjectKey(f: Pick<OpinionFacet, "subject" | "themeId" | "axis">): string {
  if (f.subject === "theme") return `theme:${f.themeId ?? ""}`;
  if (f.subject === "axis") return `axis:${f.axis ?? ""}`;
  return "methodology";
}

function languageKey(language: number | null): string | null {
  return language === 1 ? "yes" : language === 0 ? "no" : null;
}

/** Known keys first in their usual order (zeros kept, so every theme or department shows), then any others, then "not said". */
function tally(counts: Map<string | null, number>, known: readonly string[], total: number, withNotSaid = true): Tally[] {
  const keys: Array<string | null> = [...known];
  for (const key of counts.keys()) if (key !== null && !known.includes(key)) keys.push(key);
  if (withNotSaid) keys.push(null);
  return keys.map((key) => {
    const count = counts.get(key) ?? 0;
    return { key, count, share: total > 0 ? count / total : 0 };
  });
}

function add(map: Map<string | null, number>, key: string | null, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** At most this many days are drawn; a longer intake shows its most recent days. */
export const MAX_DAYS = 120;

export function tallyOpinions(facets: readonly OpinionFacet[], themeIds: readonly string[] = []): OpinionStats {
  const maps = {
    subject: new Map<string | null, number>(),
    hiddenSubject: new Map<string | null, number>(),
    department: new Map<string | null, number>(),
    sector: new Map<string | null, number>(),
    gender: new Map<string | null, number>(),
    age: new Map<string | null, number>(),
    language: new Map<string | null, number>(),
    day: new Map<string | null, number>(),
  };
  let visible = 0;
  let hidden = 0;
  for (const f of facets) {
    if (f.status === "hidden") {
      hidden += f.n;
      add(maps.hiddenSubject, subjectKey(f), f.n);
      continue;
    }
    if (f.status !== "visible") continue;
    visible += f.n;
    add(maps.subject, subjectKey(f), f.n);
    add(maps.department, f.department, f.n);
    add(maps.sector, f.sector, f.n);
    add(maps.gender, f.gender, f.n);
    add(maps.age, f.ageRange, f.n);
    add(maps.language, languageKey(f.language), f.n);
    add(maps.day, f.day, f.n);
  }

  const subjects = ["methodology", ...METHODOLOGY_AXES.map((a) => `axis:${a}`), ...themeIds.map((id) => `theme:${id}`)];
  const days = [...maps.day.keys()].filter((d): d is string => d !== null).sort();
  const range: string[] = [];
  if (days.length > 0) {
    for (let d = days[0]; d <= days[days.length - 1]; d = nextDay(d)) range.push(d);
  }
  return {
    visible,
    hidden,
    bySubject: tally(maps.subject, subjects, visible, false),
    hiddenBySubject: tally(maps.hiddenSubject, subjects, hidden, false).filter((t) => t.count > 0),
    byDepartment: tally(maps.department, DEPARTMENTS, visible),
    bySector: tally(maps.sector, PARTICIPANT_SECTORS, visible),
    byGender: tally(maps.gender, GENDERS, visible),
    byAge: tally(maps.age, AGE_RANGES, visible),
    byLanguage: tally(maps.language, LANGUAGE_ANSWERS, visible),
    byDay: range.slice(-MAX_DAYS).map((key) => {
      const count = maps.day.get(key) ?? 0;
      return { key, count, share: visible > 0 ? count / visible : 0 };
    }),
  };
}

/** The largest count of a tally, for scaling bars (at least 1, so empty charts draw no division by zero). */
export function maxCount(tallies: readonly Tally[]): number {
  return Math.max(1, ...tallies.map((t) => t.count));
}
