import { grammar, alternation, derived, type Grammar } from '../grammars/index.js';
import { numeralChars, parseChineseNumeral } from '../segment/numerals.js';
import { squeezeSpacedDigits } from './datetime.js';
import { memoString } from '../grammars/compiled.js';

/** A count's number: Arabic digits, or Chinese numerals everyday and formal (大寫) (grammars/numerals.json). */
const countNumber = (): string => `[0-9${numeralChars()}]{1,8}`;

/** The words of a date part (grammars/time.json dateParts), as an alternation. */
const datePart = (g: Grammar, part: keyof Grammar['time']['dateParts']): string => `(?:${alternation(g.time.dateParts[part])})`;

const regexes = derived((g) => {
  const f = g.fields;
  const num = countNumber();
  const ordinal = `(?:${alternation(g.numerals.ordinalPrefixes)})`;
  const units = alternation([...f.countUnits.term, ...f.countUnits.session, ...f.countUnits.period]);
  const session = `(?:${alternation(f.countUnits.session)})`;
  const [year, month, day] = [datePart(g, 'year'), datePart(g, 'month'), datePart(g, 'day')];
  const [yearPrefix, yearSuffix, monthSuffix] = [datePart(g, 'yearPrefixes'), datePart(g, 'yearSuffixes'), datePart(g, 'monthSuffixes')];
  const minutesWords = [...f.titleMarkers, ...f.bodyEndMarkers];
  // 第 7 屆, 第 1 次, 第4會期, 第貳屆第參次, 387次 (a count of sittings written without 第).
  const count = `${ordinal}\\s*${num}\\s*(?:${units})|[0-9]{1,5}\\s*${session}`;
  return {
    count: new RegExp(count, 'u'),
    countAll: new RegExp(`(?:${ordinal}\\s*(${num})\\s*(${units})|(?:^|[^0-9])([0-9]{1,5})\\s*(${session}))`, 'gu'),
    countSplit: new RegExp(count, 'gu'),
    year: new RegExp(`${num}\\s*${year}`, 'u'),
    // 110 年 / 九十四年度 / 113學年度 / 113年12月: a date-like prefix that is no part of the body's name.
    leadingYear: new RegExp(`^\\s*(?:${num}\\s*${yearPrefix}?${year}${yearSuffix}?\\s*(?:${num}\\s*${month}${monthSuffix}?\\s*(?:${num}\\s*${day})?)?\\s*)`, 'u'),
    // A year written in digits after a non-digit (110 年): where a body's name ends.
    digitYear: new RegExp(`(?:^|[^0-9])[0-9]+\\s*${year}`, 'u'),
    // The agency: the shortest leading run of ideographs that ends in an agency suffix (外交部, 臺北市政府).
    agency: new RegExp(`^(\\p{Script=Han}{1,12}?(?:${alternation(f.agencySuffixes)}))`, 'u'),
    sentence: /[。，,；;！？]/u,
    // The minutes words that end a body's name (會議紀錄, 議事錄, 摘要); a meeting word they open with (會議).
    minutes: new RegExp(alternation(minutesWords), 'u'),
    meetingWords: [...f.meetingWords].sort((a, b) => b.length - a.length),
  };
});

export interface TitleScore {
  score: number;
  /** Names a meeting: a minutes word, or a meeting word with a count or an organisation. */
  namesMeeting: boolean;
}

/**
 * How strongly a line names a meeting: 紀錄/記錄/議事錄 (3), a count 第N屆/第N次 (2), a meeting word
 * 會議/大會/臨時會 (2), a leading organisation (1), a year (1), a body word 小組/委員會 (1). Prose (a sentence
 * mark) and long lines are not titles. Page furniture (跳到主要內容區塊, an English letterhead, an address)
 * scores nothing, so a title is chosen wherever it stands.
 */
export const titleScore = memoString(titleScoreUncached);

function titleScoreUncached(text: string): TitleScore {
  const t = cleanTitle(text);
  const r = regexes();
  const f = grammar().fields;
  if (t.length === 0 || t.length > 80 || r.sentence.test(t)) return { score: 0, namesMeeting: false };
  const marker = f.titleMarkers.some((m) => t.includes(m));
  const count = r.count.test(t);
  const meeting = f.titleMeetingWords.some((w) => t.includes(w));
  const org = r.agency.test(t.replace(/[\s「」『』]+/gu, ''));
  const body = f.bodyKeywords.some((w) => t.includes(w));
  const score = (marker ? 3 : 0) + (count ? 2 : 0) + (meeting ? 2 : 0) + (org ? 1 : 0) + (r.year.test(t) ? 1 : 0) + (body ? 1 : 0);
  return { score, namesMeeting: (marker && (meeting || count || org)) || (meeting && (count || org)) };
}

/**
 * A title that names the paper an agenda (外交部資料開放諮詢小組第 1 次會議議程): its last word, bracketed
 * notes and spaces aside, is an agenda word (grammars/fields.json agendaMarkers).
 */
export function namesAgenda(title: string): boolean {
  let t = cleanTitle(title).replace(/\s+/gu, '');
  // Bracketed notes after the title ((草案), (第 2 次修正)) are left out, from the end.
  while (t.endsWith(')') || t.endsWith('）')) {
    const open = Math.max(t.lastIndexOf('('), t.lastIndexOf('（'));
    if (open < 0) break;
    t = t.slice(0, open);
  }
  return grammar().fields.agendaMarkers.some((m) => t.endsWith(m));
}

/** A title as it names the meeting: quotes, reference marks and a front matter's `title:` key removed, spaces single. */
export function cleanTitle(text: string): string {
  return text
    .replace(/^\s*title\s*:\s*/iu, '')
    .replace(/["“”]/gu, '')
    .replace(/[※]/gu, '')
    .replace(/[\s\u3000\u00a0]+/gu, ' ')
    .trim();
}

/**
 * A heading drawn several times over (bold faked by overprinting) comes out of the text layer stuttered:
 * `※ / ※ / ※第 / 第 / 第 1 / 1 屆第 / 屆第 …`. Consecutive fragments are merged where the end of what was
 * read overlaps the start of the next, which restores `※第 1 屆第 12 次臨時會`.
 */
export function mergeStutter(fragments: readonly string[]): string {
  let acc = '';
  for (const raw of fragments) {
    const f = raw.trim();
    if (!f) continue;
    if (acc.endsWith(f)) continue;
    let k = Math.min(acc.length, f.length);
    while (k > 0 && !acc.endsWith(f.slice(0, k))) k--;
    acc = k > 0 ? acc + f.slice(k) : acc ? `${acc} ${f}` : f;
  }
  return acc;
}

/** Whether short consecutive lines look stuttered (at least two identical neighbours). */
export function isStutter(fragments: readonly string[]): boolean {
  let same = 0;
  for (let i = 1; i < fragments.length; i++) if (fragments[i]!.trim() === fragments[i - 1]!.trim()) same++;
  return same >= 2;
}

export interface NameParts {
  agency: string | null;
  agencyRef: string | null;
  body: string | null;
  term: number | null;
  session: number | null;
  /** A council's sitting within a session: 第 13 次臨時會第 4 次會議 → 4. */
  sitting: number | null;
  /** A legislature's 會期: 第 4 會期 → 4. */
  period: number | null;
}

/**
 * Where the body's name ends: at 第 N 屆/次, a year (110 年), or 會議紀錄. Each pattern starts only at
 * a boundary (第, or a digit after a non-digit), so the search stays linear.
 */
function bodyEnd(s: string): number {
  const r = regexes();
  // 會議紀錄 ends the body, but a name that is only a prefix (市政 | 會議紀錄) keeps its 會議: 市政會議.
  const minutesWord = r.minutes.exec(s);
  const meetingWord = minutesWord ? r.meetingWords.find((w) => minutesWord[0].startsWith(w) && minutesWord[0].length > w.length) : undefined;
  // So does a longer name that names no body without it (理監事聯席 | 會議紀錄 → 理監事聯席會議).
  const keepMeeting = minutesWord && meetingWord !== undefined && minutesWord.index > 0 && (minutesWord.index <= 3 || !grammar().fields.bodyKeywords.some((k) => s.slice(0, minutesWord.index).includes(k)));
  const at = (x: RegExp, skipLead = false): number => {
    const m = x.exec(s);
    if (!m) return s.length;
    return m.index + (skipLead && /^[^0-9]/u.test(m[0]) ? 1 : 0);
  };
  const minutesAt = !minutesWord ? s.length : keepMeeting ? minutesWord.index + meetingWord!.length : minutesWord.index;
  return Math.min(at(r.count), at(r.digitYear, true), minutesAt);
}

/**
 * A title's quoted words name the body that meets (外交部 107 年「資料開放諮詢小組」第 1 次會議) or the
 * subject it meets about (「長期照顧服務法部分條文修正草案」公聽會, 「變更臺中市都市計畫（第三次通盤檢討）案」
 * 說明會). A subject names no agency, term or session: it is set aside (each character kept as a private-use mark) so
 * those are read outside it; a quote that names a body (a body keyword inside) stays.
 */
function withoutSubjects(title: string): string {
  const f = grammar().fields;
  return title.replace(/「([^「」]+)」/gu, (all, inside: string) => (f.bodyKeywords.some((k) => inside.includes(k)) ? all : '\uE000'.repeat(all.length)));
}

/**
 * Agency, body, term, session (and a council's sitting, a legislature's period) from the title:
 * 經濟部政府資料開放諮詢小組第 7 屆第 1 次會議紀錄, 臺北市政府第2151次市政會議, 臺南市政府工務局第16次局務會議紀錄,
 * 立法院第9屆第1會期司法及法制委員會第20次全體委員會議紀錄, 新北市議會第 2 屆第 13 次臨時會第 4 次會議摘要紀錄,
 * 中華民國天文學會 第 25 屆第 4 次理監事會議 會議紀錄.
 */
export function nameParts(title: string | null): NameParts {
  const out: NameParts = { agency: null, agencyRef: null, body: null, term: null, session: null, sitting: null, period: null };
  if (!title) return out;
  const f = grammar().fields;
  const r = regexes();
  const clean = withoutSubjects(squeezeSpacedDigits(cleanTitle(title)));

  // Counts in order: 屆 → term, 會期 → period, the first 次 → session, a second 次 after a council's
  // 大會/定期會/臨時會 → the sitting.
  const counts: { n: number | null; unit: string; end: number; index: number }[] = [];
  for (const m of clean.matchAll(r.countAll)) {
    const n = parseChineseNumeral(m[1] ?? m[3]!);
    counts.push({ n, unit: m[2] ?? m[4]!, end: m.index! + m[0].length, index: m.index! });
  }
  const units = f.countUnits;
  const sessions = counts.filter((c) => units.session.includes(c.unit));
  out.term = counts.find((c) => units.term.includes(c.unit))?.n ?? null;
  out.period = counts.find((c) => units.period.includes(c.unit))?.n ?? null;
  if (sessions[0]) out.session = sessions[0].n;
  if (sessions[1]) {
    const between = clean.slice(sessions[0]!.end, sessions[1].index);
    if (f.titleMeetingWords.some((w) => between.includes(w))) out.sitting = sessions[1].n;
  }

  const plain = clean.replace(/[「」『』]/gu, '').trim();
  // A date written before the name (110年7月21日外交部…) is no part of the agency.
  const squeezed = plain.replace(/\s+/g, '').replace(r.leadingYear, '');
  const ref = f.agencyRefs.find((x) => squeezed.startsWith(x));
  if (ref) out.agencyRef = ref;
  else {
    const m = r.agency.exec(squeezed);
    // A count is never part of an agency's name (第一次會議紀錄 names no agency).
    if (m && !r.count.test(m[1]!)) {
      let agency = m[1]!;
      // 臺南市政府工務局第16次局務會議: a unit of the agency named right after it, before the count.
      const rest = squeezed.slice(agency.length);
      const cut = bodyEnd(rest);
      const unit = rest.slice(0, cut);
      if (unit && unit.length <= 8 && /^\p{Script=Han}+$/u.test(unit) && f.agencyFollowers.some((x) => unit.endsWith(x)) && cut < rest.length) agency += unit;
      out.agency = agency;
    }
  }

  // The body: 「quoted」, else what follows the agency up to the year / term / session / 會議紀錄.
  const quoted = /「([^「」]+)」/u.exec(clean);
  let body = quoted ? quoted[1]!.replace(/\s+/g, '') : squeezed.slice((out.agency ?? out.agencyRef ?? '').length);
  if (out.agency && body.startsWith(out.agency)) body = body.slice(out.agency.length);
  body = body.replace(r.leadingYear, '');
  const cut = bodyEnd(body);
  if (body.slice(0, cut).trim() === '') {
    // 立法院第11屆第1會期內政委員會第5次全體委員會議紀錄, 臺北市政府第2156次市政會議紀錄: the body sits
    // between the counts; take the first piece that names one (委員會, 小組, 會議 …).
    const pieces = body.split(r.countSplit).map((x) => x.replace(r.leadingYear, '')).map((x) => x.slice(0, bodyEnd(x)).trim());
    body = pieces.find((x) => x && f.bodyKeywords.some((k) => x.includes(k))) ?? '';
  } else body = body.slice(0, cut);
  body = body.replace(/\uE000+/gu, '').trim(); // a subject set aside is no part of the body's name
  // A body names a meeting or a group (市政會議, 諮詢小組, 臨時會); a month or a stray word does not.
  out.body = body && f.bodyKeywords.some((k) => body.includes(k)) ? body : null;
  return out;
}
