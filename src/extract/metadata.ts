import { grammar, alternation, derived } from '../grammars/index.js';
import { spanOf } from '../segment/lines.js';
import type { Diagnostic, Meeting, MeetingEvidence, Person, Span } from '../types.js';
import type { Heading } from '../segment/headings.js';
import type { ExtractContext, MetadataResult } from './context.js';
import { parseClockTimes, parseRocDate, isoDateTime, weekdayName, type ClockTime, type RocDate } from './datetime.js';
import { bulletLength, findFields, valueFits, type FieldHit, type FieldName } from './fields.js';
import { parseChairOrRecorder } from './presiding.js';
import { cleanTitle, isStutter, mergeStutter, nameParts as titleNameParts, titleScore } from './title.js';
import { headerWindow } from './compilation.js';

export { nameParts } from './title.js';

/** How far into a document its header may start (furniture, letterheads and a wrapping chapter heading before it). */
const HEADER_SCAN_LINES = 80;
/** How far into the body a date is looked for when the header has none. */
const BODY_DATE_LINES = 40;

interface FieldAt {
  hit: FieldHit;
  line: number;
  /** The line the value was read from (the next line when the label stands alone). */
  valueLine: number;
}

interface TitleAt {
  text: string;
  first: number;
  last: number;
  score: number;
  namesMeeting: boolean;
}

/** The text of a line without its heading number (一、時間：…) or bullet (• 會議時間:…). */
function fieldText(ctx: ExtractContext, i: number): string {
  const h = ctx.headingAt.get(i);
  const text = h ? h.rest : ctx.lines[i]!.text;
  return text.slice(bulletLength(text));
}

const isBlank = (s: string) => s.trim() === '';

const GENERIC_FIELD = /^[\p{Script=Han} \u3000]{1,8}[:：][^。]{1,40}$/u;
/** An unknown short `label：value` line in a header (主任秘書:陳錫欽, 專門委員:白智榮). */
function genericField(text: string): boolean {
  return GENERIC_FIELD.test(text.trim());
}

/** `AM9:\t00～PM\t3:00` → `AM9:00～PM 3:00`: tabs become spaces, and no space stays beside a colon (one pass, no backtracking). */
function tightColons(value: string): string {
  let out = '';
  let skip = false;
  for (const c of value.replace(/\t/g, ' ')) {
    if (c === ':' || c === '：') {
      out = out.trimEnd() + c;
      skip = true;
    } else if (c === ' ' && skip) continue;
    else {
      out += c;
      skip = false;
    }
  }
  return out;
}

/** A sentence or a speech turn, not furniture: long, or ending a sentence, or `speaker：words`. */
function prose(text: string): boolean {
  const t = text.trim();
  // `teaser: "…"`: a machine key (front matter, page metadata) is furniture, whatever its value says.
  if (/^[A-Za-z_][\w-]*\s*:/u.test(t)) return false;
  // An English letterhead or address line is furniture too.
  if (!/\p{Script=Han}/u.test(t)) return false;
  return t.length > 40 || /[。！？]/u.test(t) || /^[^:：]{1,12}[:：].{6,}/u.test(t);
}

/** The part of a line after its last comma or sentence mark, when that part names a meeting. */
function titleTail(text: string): string | null {
  let cut = -1;
  for (let k = text.length - 1; k >= 0; k--) {
    if (',，。；;'.includes(text[k]!)) {
      cut = k;
      break;
    }
  }
  if (cut < 0) return null;
  const tail = text.slice(cut + 1);
  const s = titleScore(tail);
  return s.namesMeeting && s.score >= 5 ? tail : null;
}

/** A continuation of a list field: names and units, no sentence. */
function listLine(text: string): boolean {
  const t = text.trim();
  return t.length <= 120 && !/[。！？]/u.test(t) && !/^[^、，,\s]{1,12}[:：].{20,}/u.test(t);
}

/**
 * The top-level section where the body starts: the first one that is not a header field. A chapter heading
 * that wraps the whole record (一、各次會議紀錄) stands before the header fields and is not the body.
 */
function headingBodyStart(ctx: ExtractContext, firstField: number, from = 0): number {
  // Lazily, in order: only the first body section (and, before the fields, a wrapping chapter) is needed.
  let wrapper: number | null = null;
  for (const h of ctx.headings) {
    // A numbered header field is metadata even when its label has no colon (四、列席人員\t\t汪仁鴻).
    if (h.line < from || h.parent !== null || h.kind === 'metadata' || isFieldHeading(h.rest)) continue;
    if (firstField >= 0 && h.line > firstField && isListPart(ctx, h)) continue;
    if (firstField >= 0 && h.line < firstField) {
      if (wrapper !== null || !grammar().fields.titleMarkers.some((m) => h.title.includes(m))) return wrapper ?? h.line;
      wrapper = h.line;
      continue;
    }
    return h.line;
  }
  return ctx.lines.length;
}

/**
 * A numbered sub-list of an attendance list whose label has nothing after it (出席人員：\n（一）市政府：副市長…\n
 * （二）議會：…): the numbered lines are the list's parts, not the body's first sections.
 */
export function isListPart(ctx: ExtractContext, h: Heading): boolean {
  // A section of the body (壹、報告事項) is no list part, even right after an empty 缺席： label; a part
  // holds a unit's or a group's label, or names in a list.
  if (h.kind !== 'other' || !/[:：、，,]/u.test(h.rest)) return false;
  let j = h.line - 1;
  for (; j >= 0; j--) {
    if (isBlank(ctx.lines[j]!.text)) continue;
    const before = ctx.headingAt.get(j);
    if (before && before.family === h.family) continue;
    if (before) return false;
    // A sibling's names wrapped onto a line of their own.
    if (j > 0 && !findFields(fieldText(ctx, j)).length && ctx.headingAt.get(j - 1)?.family === h.family) continue;
    break;
  }
  if (j < 0) return false;
  const hits = findFields(fieldText(ctx, j));
  return hits.length === 1 && hits[0]!.value.trim() === '' && (hits[0]!.field === 'attendance' || hits[0]!.field === 'observers' || hits[0]!.field === 'absent');
}

function isFieldHeading(rest: string): boolean {
  const hits = findFields(rest);
  return hits.length > 0 && hits[0]!.labelIndex === 0 && hits[0]!.field !== 'adjourn' && valueFits(hits[0]!.field, hits[0]!.value);
}

interface HeaderScan {
  fields: FieldAt[];
  fieldLines: Set<number>;
  titleLines: { line: number; text: string }[];
  end: number;
}

/**
 * Reads the header: field lines in every form, title lines (scored), furniture before them. The header ends at
 * the body's first section, or at the first line after the fields that is neither a field, a value, the
 * continuation of a list (出席：… over several lines), nor a title.
 */
function scanHeader(ctx: ExtractContext, from = 0): HeaderScan {
  const n = ctx.lines.length;
  const hitsAt = new Map<number, FieldHit[]>();
  const hitsOf = (i: number): FieldHit[] => {
    let hits = hitsAt.get(i);
    if (!hits) hitsAt.set(i, (hits = findFields(fieldText(ctx, i)).filter((h) => valueFits(h.field, h.value))));
    return hits;
  };
  let firstField = -1;
  for (let i = from; i < Math.min(n, from + HEADER_SCAN_LINES) && firstField < 0; i++) {
    if (!isBlank(ctx.lines[i]!.text) && hitsOf(i).some((h) => h.field !== 'furniture' && h.field !== 'adjourn')) firstField = i;
  }
  const headingStart = headingBodyStart(ctx, firstField, from);
  const fields: FieldAt[] = [];
  const fieldLines = new Set<number>();
  const titleLines: { line: number; text: string }[] = [];
  let sawTitle = false; // a line that names a meeting (score ≥ 3) has been read
  let inHeader = false;
  let lastField: FieldName | null = null;
  let end = headingStart;
  /** The next non-blank line after i, before the body's first section, holds a header field. */
  const fieldFollows = (i: number): boolean => {
    let j = i + 1;
    while (j < headingStart && isBlank(ctx.lines[j]!.text)) j++;
    return j < headingStart && hitsOf(j).some((h) => h.field !== 'furniture' && h.field !== 'adjourn');
  };
  for (let i = from; i < headingStart; i++) {
    const raw = ctx.lines[i]!.text;
    if (isBlank(raw)) continue;
    const text = fieldText(ctx, i);
    const hits = hitsOf(i);
    if (hits.length) {
      // Text before the first label is a title glued to the field (…會議紀錄時  間 中華民國…).
      const lead = text.slice(0, hits[0]!.labelIndex);
      if (!isBlank(lead) && titleScore(lead).score >= 3) {
        titleLines.push({ line: i, text: lead });
        sawTitle = true;
      }
      fieldLines.add(i);
      for (const hit of hits) {
        let valueLine = i;
        // A list's names below its label are the attendance extractor's (出席人員：\n(理事長) 管一政 …).
        const list = hit.field === 'attendance' || hit.field === 'observers' || hit.field === 'absent';
        if (hit.value === '' && hit.field !== 'furniture' && !list) {
          // Label and value on separate lines, with blank or NBSP-only lines between (開會日期\n\n2021-07-20 09:00:00).
          let j = i + 1;
          while (j < headingStart && isBlank(ctx.lines[j]!.text)) j++;
          if (j < headingStart && !ctx.headingAt.has(j)) {
            const nextText = fieldText(ctx, j);
            const nextHits = findFields(nextText);
            // A flattened line: the value, then the next label glued to it (2003-12-30 00:00:00.000開會地點).
            const value = (nextHits.length ? nextText.slice(0, nextHits[0]!.labelIndex) : nextText).trim();
            if (value && valueFits(hit.field, value) && !/[:：]$/u.test(value)) {
              hit.value = value;
              valueLine = j;
              fieldLines.add(j);
            }
          }
        } else if (hit.field === 'furniture') {
          let j = i + 1;
          while (j < headingStart && isBlank(ctx.lines[j]!.text)) j++;
          if (j < headingStart && findFields(fieldText(ctx, j)).length === 0) fieldLines.add(j);
        }
        fields.push({ hit, line: i, valueLine });
        lastField = hit.field;
      }
      inHeader = true;
      continue;
    }
    if (fieldLines.has(i)) continue;
    const score = titleScore(text);
    if (score.score >= 1 && !ctx.headingAt.has(i)) {
      titleLines.push({ line: i, text: raw });
      if (score.score >= 3) sawTitle = true;
      continue;
    }
    // A title joined onto a letterhead line when lines were unwrapped (…Sec. 4,中華民國天文學會 第 26 屆…會議紀錄).
    const tail = titleTail(text);
    if (tail && !ctx.headingAt.has(i)) {
      titleLines.push({ line: i, text: tail });
      sawTitle = true;
      continue;
    }
    // After a title, prose (a speech, a sentence) is the body even when no field came first.
    if (!inHeader && sawTitle && prose(text)) {
      end = i;
      break;
    }
    if (!inHeader && titleLines.length === 0 && i >= from + HEADER_SCAN_LINES) break; // no header near the top
    if (!inHeader) continue; // furniture before the header
    if (genericField(text)) {
      fieldLines.add(i);
      lastField = null;
      continue;
    }
    if ((lastField === 'attendance' || lastField === 'observers' || lastField === 'absent' || lastField === null) && listLine(text) && !ctx.headingAt.has(i)) continue;
    // A sentence among the fields (本次會議出席委員共 9 人，已達法定人數。) is a note in the header, not the
    // body's start, when another field follows it.
    if (!ctx.headingAt.has(i) && fieldFollows(i)) continue;
    end = i;
    break;
  }
  return { fields, fieldLines, titleLines, end: Math.min(end, headingStart) };
}

/** The best title among the header's title lines: consecutive lines join (a title wrapped over two lines). */
function pickTitle(ctx: ExtractContext, lines: { line: number; text: string }[]): TitleAt | null {
  if (lines.length === 0) return null;
  // Runs of consecutive candidate lines (blank lines between do not break a run).
  const runs: { line: number; text: string }[][] = [];
  for (const l of lines) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    // A line that ends in 紀錄/議事錄 is a whole title (or a banner): the next line starts another.
    const closed = prev && grammar().fields.titleMarkers.some((m) => cleanTitle(prev.text).endsWith(m));
    if (run && prev && !closed && gapIsBlank(ctx, prev.line, l.line) && prev.line !== l.line) run.push(l);
    else runs.push([l]);
  }
  let best: TitleAt | null = null;
  for (const run of runs) {
    // Every window of up to three consecutive lines of a run competes; on a tie the shorter wins, so a
    // banner above a title (委員會紀錄, 議事錄系統) is left out. Between runs a tie goes to the earlier.
    let inRun: TitleAt | null = null;
    for (let a = 0; a < run.length; a++) {
      for (let b = a; b < Math.min(run.length, a + 3); b++) {
        const opt = run.slice(a, b + 1);
        // A window holds at least one line that itself looks like a title, not only org names.
        if (!opt.some((l) => titleScore(l.text).score >= 2)) continue;
        const text = cleanTitle(opt.map((l) => l.text).join(' '));
        const s = titleScore(text);
        if (!inRun || s.score > inRun.score || (s.score === inRun.score && text.length < inRun.text.length)) {
          inRun = { text, first: opt[0]!.line, last: opt[opt.length - 1]!.line, score: s.score, namesMeeting: s.namesMeeting };
        }
      }
    }
    if (inRun && (!best || inRun.score > best.score)) best = inRun;
  }
  return best && best.score >= 3 ? best : null;
}

function gapIsBlank(ctx: ExtractContext, a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if (!isBlank(ctx.lines[k]!.text)) return false;
  return true;
}

/**
 * A heading drawn several times (bold by overprinting) is read as stuttered short lines. Such a block before
 * the fields is merged into one title line.
 */
function stutteredTitle(ctx: ExtractContext, upTo: number): { line: number; text: string } | null {
  let start = -1;
  const frags: string[] = [];
  for (let i = 0; i < upTo; i++) {
    const t = ctx.lines[i]!.text.trim();
    if (t && t.length <= 12 && !ctx.headingAt.has(i)) {
      if (start < 0) start = i;
      frags.push(t);
    } else if (t) {
      if (frags.length >= 4 && isStutter(frags)) break;
      start = -1;
      frags.length = 0;
    }
  }
  if (frags.length < 4 || !isStutter(frags)) return null;
  return { line: start, text: mergeStutter(frags) };
}

/**
 * Meeting metadata from the header: title, agency, body, term, session, date and times, location,
 * chair (with acting forms) and recorder. Fields may be plain lines, numbered headings, bullets, table cells,
 * or labels with the value on the next line; the title is the line that names the meeting, wherever it stands.
 */
export function extractMetadata(ctx: ExtractContext): { value: MetadataResult; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  // A compilation (front matter, then records): the header is its meeting's first record, the title its own.
  const window = headerWindow(ctx);
  const scan = scanHeader(ctx, window.from);
  const evidence: MeetingEvidence = {};
  const found = new Map<FieldName, FieldAt>();
  for (const f of scan.fields) if (!found.has(f.hit.field) || (found.get(f.hit.field)!.hit.value === '' && f.hit.value !== '')) found.set(f.hit.field, f);
  const lineSpan = (i: number): Span => spanOf(ctx.lines[i]!);

  const stutter = stutteredTitle(ctx, scan.fields[0]?.line ?? 0);
  const titleCandidates = stutter ? [...scan.titleLines, stutter].sort((a, b) => a.line - b.line) : scan.titleLines;
  let titleAt = pickTitle(ctx, titleCandidates);
  // A 會議名稱 field states the meeting's name outright.
  const named = found.get('name');
  if (named && named.hit.value) {
    const s = titleScore(named.hit.value);
    titleAt = { text: cleanTitle(named.hit.value), first: named.valueLine, last: named.valueLine, score: Math.max(s.score, 3), namesMeeting: true };
  }
  if (window.title) titleAt = window.title;
  const title = titleAt ? titleAt.text : null;
  const naming = titleNameParts(title);
  if (titleAt) {
    const span: Span = { start: ctx.lines[titleAt.first]!.start, end: ctx.lines[titleAt.last]!.end, line: titleAt.first + 1, page: ctx.lines[titleAt.first]!.page };
    for (const k of ['agency', 'body', 'term', 'session'] as const) if (naming[k] !== null) evidence[k] = { rule: named ? 'header.name-field' : 'header.title', span };
  }

  const meeting: Meeting = {
    agency: naming.agency,
    body: naming.body,
    term: naming.term,
    session: naming.session,
    date: null,
    start: null,
    end: null,
    location: null,
    online: false,
    chair: null,
    recorder: null,
  };
  if (naming.sitting !== null) meeting.sitting = naming.sitting;
  if (naming.period !== null) meeting.period = naming.period;

  // Date and times: the time field, else a date in the title, else the first date in the body (with a diagnostic).
  // 日期：… and 時間：… may be two fields: the date from the first that has one, times from it or the other.
  const time = found.get('time');
  const timeFields = scan.fields.filter((f) => f.hit.field === 'time' && f.hit.value);
  let headerDate = false;
  let date: { d: RocDate; rest: string; line: number; rule: string } | null = null;
  for (const tf of timeFields) {
    const value = tightColons(tf.hit.value);
    const d = parseRocDate(value);
    if (!d) continue;
    date = { d, rest: value.slice(d.index + d.length), line: tf.valueLine, rule: 'header.time-field' };
    if (parseClockTimes(date.rest).length === 0) {
      const other = timeFields.find((o) => o !== tf && parseRocDate(o.hit.value) === null && parseClockTimes(o.hit.value).length > 0);
      if (other) date.rest = tightColons(other.hit.value);
    }
    break;
  }
  // 時間：上午 9 時 30 分 with the date elsewhere in the header (the title, a line of its own): the field gives the times.
  const timesOnly = timeFields.find((f) => parseRocDate(f.hit.value) === null && parseClockTimes(tightColons(f.hit.value)).length > 0);
  const rest = timesOnly ? tightColons(timesOnly.hit.value) : '';
  if (!date && title) {
    const d = parseRocDate(title);
    if (d) date = { d, rest, line: titleAt!.first, rule: 'header.title-date' };
  }
  if (!date) {
    // 112年3月7日 alone on a line of the header, under the title.
    for (let i = window.from; i < scan.end; i++) {
      if (scan.fieldLines.has(i)) continue;
      const text = ctx.lines[i]!.text.trim();
      const d = parseRocDate(text);
      if (d && d.plausible && d.length >= text.length - 2) {
        date = { d, rest, line: i, rule: 'header.date-line' };
        break;
      }
    }
  }
  if (!date && timeFields[0]) {
    diagnostics.push({ severity: 'warning', code: 'date-unreadable', message: `The meeting time "${timeFields[0].hit.value}" has no readable date (year 年 month 月 day 日, or 2021/07/20).`, span: lineSpan(timeFields[0].valueLine) });
  }
  if (date && date.d.plausible) headerDate = true;
  if (!date) {
    for (let i = scan.end; i < Math.min(ctx.lines.length, scan.end + BODY_DATE_LINES); i++) {
      const d = parseRocDate(ctx.lines[i]!.text);
      if (d && d.plausible && writtenDateRe().test(ctx.lines[i]!.text.slice(d.index, d.index + d.length))) {
        date = { d, rest: '', line: i, rule: 'body.first-date' };
        diagnostics.push({ severity: 'info', code: 'date-from-body', message: `The header states no date; ${d.date} is the first date in the body. Check it is the meeting's.`, span: lineSpan(i) });
        break;
      }
    }
  }
  if (date && !date.d.plausible) {
    diagnostics.push({ severity: 'warning', code: 'date-implausible', message: `The date ${date.d.date} cannot be a meeting's (before 1912 or after next year); no date is given. Check the year in the document.`, span: lineSpan(date.line) });
    date = null;
  }
  let startTime: ClockTime | null = null;
  if (date) {
    const d = date.d;
    meeting.date = d.date;
    evidence.date = { rule: date.rule, span: lineSpan(date.line) };
    if (d.weekdayWritten !== null && d.weekdayWritten !== d.weekdayActual) {
      diagnostics.push({
        severity: 'warning',
        code: 'weekday-mismatch',
        message: `Unexpected weekday ${weekdayName(d.weekdayWritten)} for ${d.date}, expected ${weekdayName(d.weekdayActual)}; check the date in the document.`,
        span: lineSpan(date.line),
      });
    }
    const times = parseClockTimes(date.rest);
    // 00:00 is a date-only database placeholder (2003-12-30 00:00:00.000), not a midnight meeting.
    const start = times[0] && !(times[0].hour === 0 && times[0].minute === 0) ? times[0] : null;
    if (start) {
      startTime = start;
      meeting.start = isoDateTime(d.date, start);
      evidence.start = { rule: date.rule, span: lineSpan(date.line) };
    }
    if (start && times.length > 1) {
      meeting.end = isoDateTime(d.date, afterStart(start, times[times.length - 1]!));
      evidence.end = { rule: 'header.time-range', span: lineSpan(date.line) };
    }
  } else if (titleAt || scan.fields.length) {
    diagnostics.push({ severity: 'info', code: 'date-missing', message: 'No meeting date was found in the header (時間：…).' });
  }

  const adjourn = adjournTime(ctx, found.get('adjourn'), scan.end);
  if (adjourn && meeting.date) {
    meeting.end = isoDateTime(meeting.date, startTime ? afterStart(startTime, adjourn.time) : adjourn.time);
    evidence.end = { rule: 'adjourn', span: lineSpan(adjourn.line) };
  }

  const loc = found.get('location');
  if (loc && loc.hit.value) {
    meeting.location = loc.hit.value;
    evidence.location = { rule: 'header.location-field', span: lineSpan(loc.valueLine) };
  }
  const onlineIn = [loc?.hit.value ?? '', time?.hit.value ?? '', title ?? ''];
  meeting.online = grammar().fields.onlineWords.some((w) => onlineIn.some((v) => v.includes(w)));

  const chair = found.get('chair');
  if (chair && chair.hit.value) {
    meeting.chair = parseChairOrRecorder(chair.hit.value);
    evidence.chair = { rule: 'header.chair-field', span: lineSpan(chair.valueLine) };
    const chairs = chairsInTurn(chair.hit.value) ?? (meeting.chair.actingFor ? null : chairsListed(chair.hit.value));
    if (chairs) {
      meeting.chairs = chairs;
      meeting.chair = chairs[0]!;
      diagnostics.push({ severity: 'info', code: 'chairs-in-turn', message: `Several people preside in turn (${chairs.map((c) => c.name ?? c.raw).join('、')}); the chair is the first named.`, span: lineSpan(chair.valueLine) });
    }
  }
  const rec = found.get('recorder');
  if (rec && rec.hit.value) {
    // 紀錄：王博鈺、徐碧玲: the first named keeps the record.
    meeting.recorder = parseChairOrRecorder(rec.hit.value.split(/[、,，]/u)[0]!);
    evidence.recorder = { rule: 'header.recorder-field', span: lineSpan(rec.valueLine) };
  }
  // The closing signature (主席：蔣萬安　　紀錄：王冠蘋 after 散會) names them when the header does not.
  if (!meeting.recorder && !(rec && rec.hit.value)) {
    const sig = closingSignature(ctx, scan.end);
    if (sig) {
      meeting.recorder = parseChairOrRecorder(sig.recorder.split(/[、,，]/u)[0]!);
      evidence.recorder = { rule: 'closing-signature', span: lineSpan(sig.recorderLine) };
      if (!meeting.chair && !(chair && chair.hit.value) && sig.chair) {
        meeting.chair = parseChairOrRecorder(sig.chair.value);
        evidence.chair = { rule: 'closing-signature', span: lineSpan(sig.chair.line) };
      }
    }
  }
  if (Object.keys(evidence).length) meeting.evidence = evidence;

  if (meeting.agency === null && naming.agencyRef && title) {
    diagnostics.push({ severity: 'info', code: 'agency-unresolved', message: `The title refers to ${naming.agencyRef} without naming the agency.` });
  }
  const others = laterMeetings(ctx, scan.end, meeting.date);
  if (others.length && titleAt) {
    diagnostics.push({
      severity: 'info',
      code: 'several-meetings',
      message: `The file holds ${others.length + 1} meetings; the header is the first's. Meetings: ${[{ title: title!, line: titleAt.first }, ...others].map((m) => `${m.title} (line ${m.line + 1})`).join('; ')}.`,
      span: lineSpan(titleAt.first),
    });
  }

  const att = found.get('attendance');
  const hasAdjourn = ctx.headings.some((h) => h.kind === 'adjournment') || found.has('adjourn') || adjourn !== null;
  const bodyStart = titleAt || scan.fields.length ? Math.max(scan.end, titleAt ? titleAt.last + 1 : 0) : scan.end;
  const fieldLines = new Set(scan.fieldLines);
  return {
    value: {
      title,
      meeting,
      bodyStart,
      fieldLines,
      laterMeetingLines: titleAt ? others.map((m) => m.line) : [],
      attendance: att ? { value: att.hit.value, line: att.line } : null,
      signals: {
        header: !!titleAt && titleAt.namesMeeting,
        chair: !!chair && !!chair.hit.value,
        attendance: !!att,
        adjourn: hasAdjourn,
        date: headerDate,
      },
    },
    diagnostics,
  };
}

/**
 * An end written without its period of the day (下午 2 時 … 散會：4 時 10 分) is read in the afternoon or
 * evening when the morning reading would end the meeting before it began.
 */
function afterStart(start: ClockTime, end: ClockTime): ClockTime {
  const before = end.hour * 60 + end.minute < start.hour * 60 + start.minute;
  return before && end.hour < 12 && (end.hour + 12) * 60 + end.minute >= start.hour * 60 + start.minute ? { hour: end.hour + 12, minute: end.minute, index: end.index, length: end.length } : end;
}

/** A date written in words (年, 月, 日), not only in digits and separators. */
const writtenDateRe = derived((g) => new RegExp(alternation([...g.time.dateParts.year, ...g.time.dateParts.month, ...g.time.dateParts.day]), 'u'));

/** The lead word before chairs in turn (由), and the separators between their names. */
const chairTurnRe = derived((g) => ({
  lead: new RegExp(`^(?:${alternation(g.fields.chairTurnLeads)})`, 'u'),
  separator: new RegExp(alternation(g.fields.nameSeparators), 'u'),
}));

/** `鄭召集委員正鈐、邱召集委員志偉`: several chairs named in the field, each a person with a name. */
function chairsListed(value: string): Person[] | null {
  if (/[(（]/u.test(value)) return null;
  const names = value.split(/[、，,]/u).map((s) => s.trim()).filter(Boolean);
  if (names.length < 2) return null;
  const people = names.map((n) => parseChairOrRecorder(n));
  return people.every((p) => p.name !== null && p.surname !== null && !p.actingFor) ? people : null;
}

/** `由甲、乙及丙分別主持`: several chairs in turn. */
function chairsInTurn(value: string): Person[] | null {
  const markers = grammar().fields.chairTurnMarkers;
  const marker = markers.find((m) => value.includes(m));
  if (!marker) return null;
  const re = chairTurnRe();
  const names = value.slice(0, value.indexOf(marker)).replace(re.lead, '').split(re.separator).map((s) => s.trim()).filter(Boolean);
  if (names.length < 2) return null;
  return names.map((n) => parseChairOrRecorder(n));
}

/**
 * End time: the header's 散會 field, an unnumbered `散會：17 時 33 分` / `散會時間：` line anywhere in the
 * record (the first, which is the first meeting's), or the adjournment section (散會。（下午 3 時 45 分）).
 */
function adjournTime(ctx: ExtractContext, field: FieldAt | undefined, from: number): { time: ClockTime; line: number } | null {
  if (field && field.hit.value) {
    const times = parseClockTimes(field.hit.value);
    if (times.length) return { time: times[times.length - 1]!, line: field.valueLine };
  }
  const labels = grammar().fields.fields.adjourn;
  for (let i = from; i < ctx.lines.length; i++) {
    const raw = ctx.lines[i]!.text;
    const h = ctx.headingAt.get(i);
    const text = (h ? h.rest : raw).trimStart();
    if (!labels.some((l) => text.startsWith(l))) {
      // 上午 11 時 30 分散會。: the time, then the label, and nothing else on the line.
      const before = h && h.parent !== null ? null : timeBeforeLabel(text, labels);
      if (before) return { time: before, line: i };
      continue;
    }
    if (h && (h.kind !== 'adjournment' || h.parent !== null)) continue;
    const texts = [text];
    const next = ctx.lines[i + 1];
    if (next && h && h.lastLine > h.line) texts.push(next.text);
    for (const t of texts) {
      const times = parseClockTimes(t);
      if (times.length) return { time: times[times.length - 1]!, line: i };
    }
  }
  return null;
}

/**
 * `上午 11 時 30 分散會。`: a line that is one clock time and an adjournment label after it; or a sentence
 * saying so, the time between its subject and verb (`會議於下午4時30分結束。`).
 */
function timeBeforeLabel(text: string, labels: readonly string[]): ClockTime | null {
  const t = text.trim().replace(/[。.．]$/u, '');
  const f = grammar().fields;
  const label = [...labels, ...f.adjournVerbs].find((l) => t.endsWith(l));
  if (!label) return null;
  const lead = t.slice(0, t.length - label.length);
  const times = parseClockTimes(lead);
  if (times.length !== 1) return null;
  const before = lead.slice(0, times[0]!.index).trim();
  const after = lead.slice(times[0]!.index + times[0]!.length).trim();
  if (after !== '') return null;
  if (before === '' && labels.includes(label)) return times[0]!;
  return f.adjournSubjects.includes(before) ? times[0]! : null;
}

/** How many non-blank lines at the end of a record may hold its closing signature. */
const SIGNATURE_LINES = 4;

/**
 * A signature block closing the record: a 紀錄 field among its last lines, each value a person (a known
 * surname, with or without a title), and the 主席 field on the same line or the line next to it. A chair's
 * spoken turn (主席：散會) is no signature: a recorder must be named with it.
 */
function closingSignature(ctx: ExtractContext, from: number): { recorder: string; recorderLine: number; chair: { value: string; line: number } | null } | null {
  const lines: number[] = [];
  for (let i = ctx.lines.length - 1; i >= from && lines.length < SIGNATURE_LINES; i--) if (!isBlank(ctx.lines[i]!.text)) lines.push(i);
  const hitsOf = (i: number) => findFields(fieldText(ctx, i)).filter((h) => h.value && valueFits(h.field, h.value));
  for (const i of lines) {
    const rec = hitsOf(i).find((h) => h.field === 'recorder');
    if (!rec || !signedName(rec.value.split(/[、,，]/u)[0]!)) continue;
    for (const j of [i, i - 1, i + 1]) {
      if (j < from || j >= ctx.lines.length) continue;
      const c = hitsOf(j).find((h) => h.field === 'chair');
      if (c && signedName(c.value)) return { recorder: rec.value, recorderLine: i, chair: { value: c.value, line: j } };
    }
    return { recorder: rec.value, recorderLine: i, chair: null };
  }
  return null;
}

/** A value that names a person: a name read from it starts with a known surname. */
function signedName(value: string): boolean {
  const p = parseChairOrRecorder(value);
  const people = grammar().people;
  return !!p.name && !!p.surname && (people.surnames.includes(p.surname) || people.compoundSurnames.includes(p.surname));
}

/** A cheap first test for a title: it holds a minutes word or a meeting word. */
const meetingWordRe = derived((g) => new RegExp(alternation([...g.fields.titleMarkers, ...g.fields.titleMeetingWords]), 'u'));
function mayNameMeeting(text: string): boolean {
  return meetingWordRe().test(text);
}

/**
 * Further meetings recorded in the same file (a 議事錄 chapter of several sittings): a title naming a meeting
 * followed within a few lines by a time field with a date on or after the first meeting's. An earlier
 * meeting's record read out inside this one (宣讀上次會議議事錄) is dated before it and is not counted.
 */
function laterMeetings(ctx: ExtractContext, from: number, firstDate: string | null): { title: string; line: number }[] {
  const out: { title: string; line: number }[] = [];
  if (!firstDate) return out;
  const n = ctx.lines.length;
  let pending: { title: string; line: number } | null = null;
  let frags: { text: string; line: number }[] = [];
  for (let i = from; i < n; i++) {
    const text = ctx.lines[i]!.text.trim();
    if (!text) continue;
    // Short lines may be a title wrapped or drawn several times over: gathered, judged at the next long line.
    // (Only a line with a colon is checked for a field here: the field pattern is costly over a long record.)
    if (text.length <= 20 && !(/[:：]/u.test(text) && findFields(text).length > 0)) {
      frags.push({ text, line: i });
      if (frags.length > 60) frags = frags.slice(-40);
      continue;
    }
    if (frags.length) {
      const texts = frags.map((f) => f.text);
      const stutter = isStutter(texts);
      const cand = stutter ? mergeStutter(texts) : texts.slice(-3).join(' ');
      if (titleScore(cand).namesMeeting) pending = { title: cleanTitle(cand), line: stutter ? frags[0]!.line : frags[Math.max(0, frags.length - 3)]!.line };
      frags = [];
    }
    if (text.length <= 100 && mayNameMeeting(text)) {
      const s = titleScore(text);
      if (s.namesMeeting && s.score >= 5 && !findFields(text).length) {
        pending = { title: cleanTitle(text), line: i };
        continue;
      }
    }
    if (!pending) continue;
    const hits = findFields(fieldText(ctx, i));
    const t = hits.find((h) => h.field === 'time');
    if (!t) {
      pending = null;
      continue;
    }
    const d = parseRocDate(t.value);
    if (d && d.date >= firstDate) out.push(pending);
    pending = null;
  }
  return out;
}
