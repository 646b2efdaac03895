/**
 * Dates as people write them, in both languages, and the words around them that say
 * before / after / between / as of. No library fitted: chrono-node (the well-kept natural
 * date parser) reads neither 2016年9月 nor 2016.9 nor 2016年下半年 and always resolves to a
 * day, while a reading must keep the precision the user gave (a month stays `2016-09`).
 *
 * A date is a period with ISO bounds at the precision typed: 2016年9月 → 2016-09..2016-09,
 * 2016年下半年 → 2016-07..2016-12, 2016 → 2016..2016, 13 Oct 2016 → 2016-10-13.
 */
export interface Period {
  from: string;
  to: string;
}

export interface DateMention {
  start: number;
  end: number;
  period: Period;
  /** True when no year was written and the year came from a neighbour or the report's year. */
  yearAssumed: boolean;
}

export type DateRelation = 'in' | 'before' | 'after' | 'since' | 'asOf' | 'between';

export interface DateConstraint {
  relation: DateRelation;
  /** `between`: the first end; other relations: the date. */
  first: Period;
  /** `between` only. */
  second?: Period;
  start: number;
  end: number;
  yearAssumed: boolean;
}

/** The report's year: a month written without a year is read in it (and the reading says so). */
export const DEFAULT_YEAR = 2016;

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const MONTH_NAME = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const ZH_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

const pad = (n: number): string => String(n).padStart(2, '0');
const ym = (y: number, m: number): string => `${y}-${pad(m)}`;
const ymd = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
const validYear = (y: number): boolean => y >= 1980 && y <= 2099;
const validMonth = (m: number): boolean => m >= 1 && m <= 12;
const validDay = (y: number, m: number, d: number): boolean => d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthNumber = (s: string): number => (/^\d+$/.test(s) ? Number(s) : (ZH_NUM[s] ?? 0));

interface Pattern {
  re: RegExp;
  /** null when the match is not a valid date; `year` undefined when the text gave none. */
  read: (m: RegExpExecArray) => { year?: number; make: (year: number) => Period } | null;
}

const half = (second: boolean) => (y: number): Period => (second ? { from: ym(y, 7), to: ym(y, 12) } : { from: ym(y, 1), to: ym(y, 6) });
const quarter = (q: number) => (y: number): Period => ({ from: ym(y, q * 3 - 2), to: ym(y, q * 3) });
const month = (m: number) => (y: number): Period => ({ from: ym(y, m), to: ym(y, m) });
const day = (m: number, d: number) => (y: number): Period => ({ from: ymd(y, m, d), to: ymd(y, m, d) });

function withDay(y: number | undefined, m: number, d: number): ReturnType<Pattern['read']> {
  if (!validMonth(m) || (y !== undefined && !validDay(y, m, d)) || d < 1 || d > 31) return null;
  return { ...(y !== undefined ? { year: y } : {}), make: day(m, d) };
}

/** Longest forms first: each position takes the first pattern that matches there. */
const PATTERNS: Pattern[] = [
  // 2016年9月13日, 2016年9月
  { re: /(\d{4})\s*年\s*(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月(?:\s*(\d{1,2})\s*[日号])?/y, read: (m) => {
    const y = Number(m[1]); const mo = monthNumber(m[2]!);
    if (!validYear(y) || !validMonth(mo)) return null;
    return m[3] ? withDay(y, mo, Number(m[3])) : { year: y, make: month(mo) };
  } },
  // 2016年下半年, 2016年上半年
  { re: /(\d{4})\s*年\s*([上下])半年/y, read: (m) => (validYear(Number(m[1])) ? { year: Number(m[1]), make: half(m[2] === '下') } : null) },
  // 2016年第三季度, 2016年Q3
  { re: /(\d{4})\s*年\s*(?:第\s*([一二三四1-4])\s*季度?|q([1-4]))/y, read: (m) => {
    const q = monthNumber(m[2] ?? m[3]!);
    return validYear(Number(m[1])) ? { year: Number(m[1]), make: quarter(q) } : null;
  } },
  // 2016年底 / 年末 / 年初
  { re: /(\d{4})\s*年\s*(底|末|初)/y, read: (m) => {
    const y = Number(m[1]);
    return validYear(y) ? { year: y, make: m[2] === '初' ? month(1) : month(12) } : null;
  } },
  // 2016-09-13, 2016.9.13, 2016/9/13, 2016-09, 2016.9, 2016/9 (hyphens arrive as spaces after normalising)
  { re: /(\d{4})(?:[.\/]|\s)(\d{1,2})(?:(?:[.\/]|\s)(\d{1,2}))?(?![\d.])/y, read: (m) => {
    const y = Number(m[1]); const mo = Number(m[2]);
    if (!validYear(y) || !validMonth(mo)) return null;
    return m[3] ? withDay(y, mo, Number(m[3])) : { year: y, make: month(mo) };
  } },
  // second half of 2016, first half of 2016, h2 2016
  { re: /(?:the\s+)?(first|second|1st|2nd)\s+half\s+(?:of\s+)?(\d{4})/y, read: (m) =>
    (validYear(Number(m[2])) ? { year: Number(m[2]), make: half(m[1] === 'second' || m[1] === '2nd') } : null) },
  { re: /h([12])\s*(\d{4})/y, read: (m) => (validYear(Number(m[2])) ? { year: Number(m[2]), make: half(m[1] === '2') } : null) },
  { re: /q([1-4])\s*(\d{4})/y, read: (m) => (validYear(Number(m[2])) ? { year: Number(m[2]), make: quarter(Number(m[1])) } : null) },
  // end of 2015, late 2015, early 2016
  { re: /(?:(?:the\s+)?(end|beginning|start)\s+of|(late|early))\s+(\d{4})/y, read: (m) => {
    const y = Number(m[3]);
    const early = m[1] === 'beginning' || m[1] === 'start' || m[2] === 'early';
    return validYear(y) ? { year: y, make: early ? month(1) : month(12) } : null;
  } },
  // September 13, 2016 / Sept 2016 / Sep. 2016 / oct 13 2016
  { re: new RegExp(`(${MONTH_NAME})\\.?(?:\\s+(\\d{1,2})(?!\\d)(?:st|nd|rd|th)?)?,?(?:\\s+(?:of\\s+)?(\\d{4}))?(?![a-z])`, 'y'), read: (m) => {
    const mo = MONTHS[m[1]!]!; const y = m[3] ? Number(m[3]) : undefined;
    if (y !== undefined && !validYear(y)) return null;
    if (m[2]) return withDay(y, mo, Number(m[2]));
    // "may" alone is a verb far more often than a month.
    if (m[1] === 'may' && y === undefined) return null;
    return { ...(y !== undefined ? { year: y } : {}), make: month(mo) };
  } },
  // 13 October 2016
  { re: new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_NAME})\\.?,?\\s+(\\d{4})`, 'y'), read: (m) => {
    const y = Number(m[3]);
    return validYear(y) ? withDay(y, MONTHS[m[2]!]!, Number(m[1])) : null;
  } },
  // 2016年, 2016
  { re: /(\d{4})(?:\s*年(?:度)?)?(?!\d)/y, read: (m) => (validYear(Number(m[1])) ? { year: Number(m[1]), make: (y) => ({ from: String(y), to: String(y) }) } : null) },
  // 9月 (no year: from a neighbour, else the report's year)
  { re: /(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月(?:份)?(?:\s*(\d{1,2})\s*[日号])?/y, read: (m) => {
    const mo = monthNumber(m[1]!);
    if (!validMonth(mo)) return null;
    return m[2] ? withDay(undefined, mo, Number(m[2])) : { make: month(mo) };
  } },
];

const boundaryBefore = (text: string, i: number): boolean => i === 0 || !/[a-z0-9]/.test(text[i - 1]!);

/** Every date in a normalised question, left to right, without overlaps. */
export function findDates(text: string): DateMention[] {
  const found: Array<{ start: number; end: number; year?: number; make: (y: number) => Period }> = [];
  for (let i = 0; i < text.length; ) {
    let hit = false;
    if (boundaryBefore(text, i)) {
      for (const p of PATTERNS) {
        p.re.lastIndex = i;
        const m = p.re.exec(text);
        if (!m || m[0].length === 0) continue;
        const end = i + m[0].length;
        if (/[a-z0-9]/.test(text[end] ?? '') && /[a-z0-9]$/.test(m[0])) continue;
        const r = p.read(m);
        if (!r) continue;
        found.push({ start: i, end, ...r });
        i = end;
        hit = true;
        break;
      }
    }
    if (!hit) i++;
  }
  // A date without a year takes the year of the nearest date that has one, else DEFAULT_YEAR.
  return found.map((d, k) => {
    if (d.year !== undefined) return { start: d.start, end: d.end, period: d.make(d.year), yearAssumed: false };
    const neighbours = [...found.slice(k + 1), ...found.slice(0, k).reverse()];
    const year = neighbours.find((n) => n.year !== undefined)?.year;
    return { start: d.start, end: d.end, period: d.make(year ?? DEFAULT_YEAR), yearAssumed: year === undefined };
  });
}

const BEFORE = /(before|prior to|earlier than|until|up to)\s*$/;
const AS_OF = /(as of|as at|by|截至|截止到?|到)\s*$/;
const AFTER = /(after|later than)\s*$/;
const SINCE = /(since|from|starting)\s*$/;
const ZH_BEFORE = /^\s*(之前|以前|前)/;
const ZH_SINCE = /^\s*(以来|以后|之后|后|起|开始)/;
const ZH_AS_OF = /^\s*(为止|止)/;
const BETWEEN_JOIN = /^\s*(and|to|till|until|through|-|~|到|至|和|与|—)\s*$/;

/**
 * The date condition of a question: the words before and after its dates decide the
 * relation. Two dates joined by and / to / 到 / 至 are a range.
 */
export function dateConstraint(text: string, dates: readonly DateMention[]): DateConstraint | null {
  const [a, b] = dates;
  if (!a) return null;
  const yearAssumed = dates.some((d) => d.yearAssumed);
  if (b && BETWEEN_JOIN.test(text.slice(a.end, b.start))) {
    return { relation: 'between', first: a.period, second: b.period, start: a.start, end: b.end, yearAssumed };
  }
  const before = text.slice(Math.max(0, a.start - 16), a.start);
  const after = text.slice(a.end, a.end + 4);
  let relation: DateRelation = 'in';
  if (BEFORE.test(before) || ZH_BEFORE.test(after)) relation = 'before';
  else if (AFTER.test(before)) relation = 'after';
  else if (SINCE.test(before) || ZH_SINCE.test(after)) relation = 'since';
  else if (AS_OF.test(before) || ZH_AS_OF.test(after)) relation = 'asOf';
  return { relation, first: a.period, start: a.start, end: a.end, yearAssumed };
}

/** The period just before an ISO date at its own precision: 2016-10 → 2016-09, 2016 → 2015. */
export function previous(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (m === undefined) return String(y - 1);
  if (d === undefined) return m === 1 ? ym(y - 1, 12) : ym(y, m - 1);
  const t = new Date(Date.UTC(y, m - 1, d - 1));
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The period just after an ISO date at its own precision: 2016-07 → 2016-08, 2015 → 2016. */
export function next(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (m === undefined) return String(y + 1);
  if (d === undefined) return m === 12 ? ym(y + 1, 1) : ym(y, m + 1);
  const t = new Date(Date.UTC(y, m - 1, d + 1));
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** A point in time (asOf) from a condition: the end of what the user described. */
export function asOfFrom(c: DateConstraint): string {
  if (c.relation === 'before') return previous(c.first.from);
  if (c.relation === 'between') return c.second!.to;
  return c.first.to;
}

/** An inclusive range from a condition; either side may be open. */
export function rangeFrom(c: DateConstraint): { from?: string; to?: string } {
  switch (c.relation) {
    case 'before':
      return { to: previous(c.first.from) };
    case 'asOf':
      return { to: c.first.to };
    case 'after':
      return { from: next(c.first.to) };
    case 'since':
      return { from: c.first.from };
    case 'between':
      return { from: c.first.from, to: c.second!.to };
    case 'in':
      return { from: c.first.from, to: c.first.to };
  }
}
