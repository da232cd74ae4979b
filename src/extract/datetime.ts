// Per-function entry points: the package index pulls in all of date-fns (~140 ms at every start).
import { getDay } from 'date-fns/getDay';
import { isExists } from 'date-fns/isExists';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { grammar, alternation, derived } from '../grammars/index.js';
import { numeralClass, parseChineseNumeral } from '../segment/numerals.js';

export interface RocDate {
  /** Gregorian YYYY-MM-DD. */
  date: string;
  year: number;
  month: number;
  day: number;
  /** Weekday as written (0 = Sunday), when the text states one. */
  weekdayWritten: number | null;
  /** Weekday of the calendar date. */
  weekdayActual: number;
  /** Offsets of the match in the input. */
  index: number;
  length: number;
  /** False when the year lies outside what a meeting record can hold (before 1912, or after next year). */
  plausible: boolean;
}

export interface ClockTime {
  hour: number;
  minute: number;
  index: number;
  length: number;
}

/** A date's or a time's number: Arabic digits, or Chinese numerals (grammars/numerals.json). */
const number = (): string => `[0-9]{1,4}|${numeralClass()}{1,7}`;

/**
 * Digits spaced out by OCR or letter-spacing before a unit: `1 0 1 年` → `101年`, `第 1 6 次` → `第 16 次`.
 * Without this, `1 0 1 年` would read as year 1 (1912). Runs are bounded, so the scan stays linear.
 */
export function squeezeSpacedDigits(s: string): string {
  return s.replace(spacedDigitsRe(), (m) => m.replace(/ /g, ''));
}
/** A date part (年月日) or a title's count unit (次, 屆) after the digits. */
const spacedDigitsRe = derived((g) => {
  const units = [...g.time.dateParts.year, ...g.time.dateParts.month, ...g.time.dateParts.day, ...g.fields.countUnits.session, ...g.fields.countUnits.term];
  return new RegExp(`[0-9](?: [0-9]){1,3}(?= ?(?:${alternation(units)}))`, 'gu');
});

/** `2007/01/24`, `2006.01.25`, `110.01.05`, `113/12/10`, `2021-07-20`: year first, two separators. */
const numericDateRegex = derived((g) => {
  const sep = `[${g.time.dateSeparators.map((c) => '\\' + c).join('')}]`;
  return new RegExp(`(?:^|[^0-9./-])([0-9]{2,4}) ?${sep} ?([0-9]{1,2}) ?${sep} ?([0-9]{1,2})(?![0-9])`, 'u');
});

const dateRegex = derived((g) => {
  const t = g.time;
  const NUM = number();
  const part = (words: string[]) => `(?:${alternation(words)})`;
  // No leading \s*: an unanchored pattern that may start with spaces rescans every run of spaces (quadratic).
  const era = `(?:(?:${alternation(t.eras)})\\s*)?`;
  const wd = `(?:\\s*(?:[(（]\\s*)?(?:${alternation(t.weekdayPrefixes)})\\s*([${Object.keys(t.weekdays).join('')}])\\s*[)）]?)?`;
  return new RegExp(`${era}(${NUM})\\s*${part(t.dateParts.year)}\\s*(${NUM})\\s*${part(t.dateParts.month)}\\s*(${NUM})\\s*${part(t.dateParts.day)}${wd}`, 'u');
});

const timeRegex = derived((g) => {
  const t = g.time;
  const NUM = number();
  const period = `(?:(${alternation(Object.keys(t.periods))})\\s*)?`;
  // 上午 10 時 30 分 / 下午 3 時半 / 10:30 / 中午12時
  return new RegExp(
    `${period}(?:([0-9]{1,2})\\s*[:：]\\s*([0-9]{2})|(${NUM})\\s*(?:${alternation(t.hourWords)})\\s*(?:(${NUM})\\s*(?:${alternation(t.minuteWords)})|(${t.halfHour}))?)`,
    'gu',
  );
});

const pad = (n: number) => String(n).padStart(2, '0');

/** Year as written: ROC years (110) + 1911; four-digit years are Gregorian already. */
export function gregorianYear(written: number): number {
  return written >= 1000 ? written : written + grammar().time.rocOffset;
}

/** Whether a Gregorian year can be a meeting's: from the ROC calendar's start to next year. */
const thisYear = new Date().getFullYear();
export function plausibleYear(year: number): boolean {
  const t = grammar().time;
  return year >= t.earliestYear && year <= thisYear + t.latestYearAhead;
}

/**
 * The first date in the text, as real documents write it: `110 年 7 月 21 日(星期三)`, `中華民國一百一十年七月
 * 二十一日`, `九十四年度`-style Chinese numerals, `1 0 1 年` (spaced digits), `2007/01/24`, `2006.01.25`,
 * `110.01.05`, `2021-07-20 09:00:00`. Null for impossible calendar dates (2/30). Offsets refer to the text as
 * given only when it had no spaced digits; callers use them to find what follows the date.
 */
export function parseRocDate(text: string): RocDate | null {
  const written = squeezeSpacedDigits(text);
  const m = dateRegex().exec(written);
  const n = numericDateRegex().exec(written);
  // The numeric pattern captures the character before the year; the date starts at the year.
  const numericAt = n ? n.index + n[0].search(/[0-9]/) : -1;
  let y: number | null, mo: number | null, d: number | null, at: number, end: number, wd: number | null = null;
  if (m && (!n || m.index <= numericAt)) {
    y = parseChineseNumeral(m[1]!);
    mo = parseChineseNumeral(m[2]!);
    d = parseChineseNumeral(m[3]!);
    at = m.index;
    end = m.index + m[0].length;
    wd = m[4] ? grammar().time.weekdays[m[4]] ?? null : null;
  } else if (n) {
    // A two-digit year is an ROC year (民國 10–99); a lone `1.2.3` is a list number, not a date.
    if (n[1]!.length === 2 && Number(n[1]) < 10) return null;
    y = Number(n[1]);
    mo = Number(n[2]);
    d = Number(n[3]);
    at = numericAt;
    end = n.index + n[0].length;
  } else return null;
  if (y === null || mo === null || d === null) return null;
  const year = gregorianYear(y);
  if (mo < 1 || mo > 12 || !isExists(year, mo - 1, d)) return null;
  const index = originalOffset(text, written, at);
  return {
    date: `${year}-${pad(mo)}-${pad(d)}`,
    year,
    month: mo,
    day: d,
    weekdayWritten: wd,
    weekdayActual: getDay(new Date(year, mo - 1, d)),
    index,
    length: originalOffset(text, written, end) - index,
    plausible: plausibleYear(year),
  };
}

/** Offset in `text` of offset `k` in `squeezed` (which only lacks some spaces of `text`). */
function originalOffset(text: string, squeezed: string, k: number): number {
  if (text.length === squeezed.length) return k;
  let i = 0;
  for (let j = 0; j < k && i < text.length; i++) if (text[i] === squeezed[j]) j++;
  return i;
}

/** Every clock time in the text: 上午 10 時, 下午 3 時 45 分, 中午12時, 14:30, 下午 2 時半. */
export function parseClockTimes(text: string): ClockTime[] {
  const out: ClockTime[] = [];
  const periods = grammar().time.periods;
  let lastPeriod: string | undefined;
  for (const m of text.matchAll(timeRegex())) {
    let hour: number | null;
    let minute: number | null;
    if (m[2] !== undefined) {
      hour = Number(m[2]);
      minute = Number(m[3]);
    } else {
      hour = parseChineseNumeral(m[4]!);
      minute = m[5] !== undefined ? parseChineseNumeral(m[5]) : m[6] ? 30 : 0;
    }
    if (hour === null || minute === null || hour > 24 || minute > 59) continue;
    // 上午 10 時至 12 時: the second time inherits the period of the first.
    const period = m[1] ?? lastPeriod;
    if (m[1]) lastPeriod = m[1];
    const pm = period ? periods[period]?.pm : false;
    if (pm === true && hour < 12) hour += 12;
    if (pm === 'noon' && hour < 6) hour += 12; // 中午 1 時 is 13:00; 中午 12 時 stays
    out.push({ hour, minute, index: m.index!, length: m[0].length });
  }
  return out;
}

/** ISO 8601 local time with Taiwan's offset: 2021-07-21T10:00:00+08:00. */
export function isoDateTime(date: string, t: { hour: number; minute: number }): string {
  return `${date}T${pad(t.hour)}:${pad(t.minute)}:00${grammar().time.offset}`;
}

/** The last day of a month (106年1月底 → 2017-01-31). */
export function monthEnd(year: number, month: number): string {
  const d = lastDayOfMonth(new Date(year, month - 1, 1));
  return `${year}-${pad(month)}-${pad(d.getDate())}`;
}

/** A weekday as written (0 = Sunday): 星期日, 星期一 … (grammars/time.json: the first prefix and name listed). */
export function weekdayName(day: number): string {
  const t = grammar().time;
  return (t.weekdayPrefixes[0] ?? '') + (Object.keys(t.weekdays).find((k) => t.weekdays[k] === day) ?? String(day));
}
