import { grammar, alternation, derived } from '../grammars/index.js';
import type { DatasetDecision, DatasetDecisionKind, Diagnostic } from '../types.js';
import { spanOf } from '../segment/lines.js';
import { parseChineseNumeral } from '../segment/numerals.js';
import { deepestHeadingOf, lineIndexAt, type ExtractContext } from './context.js';
import type { RulingDraft, SpeechDraft } from './drafts.js';
import { foldName } from './speeches.js';
import { numeralChars } from '../segment/numerals.js';

const QUOTED = /「([^「」]{2,80})」/gu;

/** A count: digits, or a Chinese numeral. */
const countSource = derived(() => `[0-9]{1,4}|[${numeralChars()}]{1,4}`);
/**
 * A unit's submission: `公眾會 1 項：「…」`, the count led (公眾會共 2 項：, 公眾會提報 2 項：), bracketed
 * (公眾會（2項）：) or naming what it counts (2 項資料集：); groups: unit, count, the quoted names.
 */
const submissionRe = derived((g) => {
  const d = g.records.datasets;
  const lead = `(?:(?:${alternation([...d.submitVerbs, ...d.countLeads])})\\s*)?`;
  return new RegExp(
    `^\\s*([\\p{Script=Han}A-Za-z][\\p{Script=Han}A-Za-z0-9 ]{0,20}?)\\s*${lead}[(（]?\\s*(${countSource()})\\s*(?:${alternation(d.itemCountWords)})(?:${alternation(d.datasetNouns)})?\\s*[)）]?\\s*[:：]\\s*(「.*)$`,
    'u',
  );
});
/**
 * The names first, the count after them: `公眾會：「…」、「…」（計 2 項）`, `公眾會提報「…」、「…」等 2 項`,
 * `公眾會擬開放「…」、「…」2 項資料集`; groups: unit, the quoted names, count.
 */
const countAfterRe = derived((g) => {
  const d = g.records.datasets;
  const verbs = alternation([...d.submitVerbs, ...d.proposeVerbs]);
  const names = `「[^「」]+」(?:\\s*(?:、|${alternation(d.conjunctions)})\\s*「[^「」]+」)*`;
  return new RegExp(
    `^\\s*([\\p{Script=Han}A-Za-z][\\p{Script=Han}A-Za-z0-9 ]{0,20}?)\\s*(?:(?:${verbs})\\s*[:：]?|[:：])\\s*(${names})\\s*[(（]?\\s*(?:${alternation([...d.etcMarks, ...d.countLeads])})?\\s*(${countSource()})\\s*(?:${alternation(d.itemCountWords)})(?:${alternation(d.datasetNouns)})?\\s*[)）]?\\s*[。.]?\\s*$`,
    'u',
  );
});
/** The speaker's own proposal: 本次 + a proposal verb that states an intent (擬再公開…), then its object. */
const proseRe = derived((g) => {
  const d = g.records.datasets;
  const intents = d.proposeVerbs.filter((v) => d.intentMarks.some((m) => v.startsWith(m)));
  return new RegExp(`(?:${alternation(d.currentPeriods)})(?:${alternation(intents)})([^。；;，,]{2,60})`, 'gu');
});
/** A possessive opening an object (之中英文說明 → 中英文說明). */
const leadingPossessive = derived((g) => new RegExp(`^(?:${alternation(g.records.datasets.possessives)})`, 'u'));

/** A label that introduces a part of an item (說明, 決議) or a header field: not a submitting unit. */
function isLabelWord(unit: string): boolean {
  const r = grammar().records;
  const u = unit.replace(/\s+/gu, '');
  return r.nonSpeakerLabels.includes(u) || r.rulingLabels.some((x) => x.label === u);
}

/** `1. 公眾會 1 項：「外交部全球資訊網各國家與地區相關資訊」。`: unit, count and quoted names. */
function namedSubmissions(ctx: ExtractContext, from: number): DatasetDecision[] {
  const re = submissionRe();
  const out: DatasetDecision[] = [];
  for (let i = from; i < ctx.lines.length; i++) {
    const line = ctx.lines[i]!;
    const text = ctx.headingAt.get(i)?.rest ?? line.text;
    if (!text.includes('「')) continue; // the list is quoted names: most lines need no regex
    const m = re.exec(text);
    const after = m ? null : countAfterRe().exec(text);
    if (!m && !after) continue;
    const unit = (m ?? after)![1]!.trim();
    if (isLabelWord(unit)) continue; // 說明：「…」 quotes; it submits nothing
    const names = m ? m[3]! : after![2]!;
    const count = m ? m[2]! : after![3]!;
    const offset = line.text.length - text.length + text.indexOf(names);
    for (const q of names.matchAll(QUOTED)) {
      const start = line.start + offset + q.index! + 1;
      out.push({ name: q[1]!, unit, count: parseChineseNumeral(count), decision: 'proposed', scope: 'named', annex: null, rulingId: null, rule: 'datasets.submission-list', span: spanOf(line, start, start + q[1]!.length) });
    }
  }
  return out;
}

/** `本次擬再公開外交部全球資訊網最新消息之中英文說明。` in a speech: a submission by the speaker's unit. */
function proseSubmissions(ctx: ExtractContext, speeches: readonly SpeechDraft[]): DatasetDecision[] {
  // The speaker's own proposal: 本次擬再公開…; a bare 擬開放資料 is a noun phrase (the data to be opened), not a submission.
  const re = proseRe();
  const out: DatasetDecision[] = [];
  for (const s of speeches) {
    for (const m of s.text.matchAll(re)) {
      const object = m[1]!.trim();
      const quoted = [...object.matchAll(QUOTED)].map((q) => q[1]!);
      const where = ctx.text.indexOf(object, s.span.start);
      const line = where >= 0 ? ctx.lines[lineIndexAt(ctx, where)]! : ctx.lines[s.span.line - 1]!;
      for (const name of quoted.length ? quoted : [object.replace(leadingPossessive(), '')]) {
        out.push({ name, unit: s.speaker.org, count: null, decision: 'proposed', scope: 'named', annex: null, rulingId: null, rule: 'datasets.prose-submission', span: spanOf(line, Math.max(where, line.start), Math.max(where, line.start) + object.length) });
      }
    }
  }
  return out;
}

/** A decision verb governing quoted names directly (同意開放領務局提報之「…」、「…」); the verb is captured. */
const namedRe = derived((g) => {
  const d = g.records.datasets;
  const verbs = alternation([...d.approveVerbs, ...d.rejectVerbs, ...d.deferVerbs]);
  return new RegExp(`(${verbs})[^，,。；;「」]{0,20}?「[^「」]+」(?:\\s*(?:、|${alternation(d.conjunctions)})\\s*「[^「」]+」)*`, 'u');
});
/** Quoted names before the decision verb that governs them (能源局提報之「…」暫緩開放, 「…」、「…」等 2 項同意開放). */
const namedBeforeRe = derived((g) => {
  const d = g.records.datasets;
  const verbs = alternation([...d.approveVerbs, ...d.rejectVerbs, ...d.deferVerbs]);
  return new RegExp(`「[^「」]+」(?:\\s*(?:、|${alternation(d.conjunctions)})\\s*「[^「」]+」)*[^，,。；;「」]{0,12}?(?:${verbs})`, 'u');
});
/** 「…」等 2 項: a name standing for more (等 right after the closing quote). */
const etcRe = derived((g) => new RegExp(`」\\s*(?:${alternation(g.records.datasets.etcMarks)})\\s*(?:[0-9${numeralChars()}]{1,4}\\s*(?:${alternation(g.records.datasets.itemCountWords)}))?`, 'u'));
/** The top-level section a line lies in (its id), or null before the first. */
function topOf(ctx: ExtractContext, lineIndex: number): string | null {
  let h = deepestHeadingOf(ctx, lineIndex);
  while (h?.parent) h = ctx.headingById.get(h.parent) ?? null;
  return h?.id ?? null;
}
/**
 * A decision with no object of its own: up to the verb the sentence has, besides the verb, at most a few
 * characters (本案, 經審議, 均) and an annex reference (如附件 2).
 */
function isBareDecision(sentence: string): boolean {
  const d = grammar().records.datasets;
  const verbs = [...d.rejectVerbs, ...d.deferVerbs, ...d.approveVerbs];
  const clauses = sentence.split(/[，,]/u);
  const at = clauses.findIndex((c) => verbs.some((v) => c.includes(v)));
  if (at < 0) return false;
  // What stands before the decision is no more than a few characters too (經審議，同意開放): a request before it
  // (請各單位…後，再行同意開放) makes it conditional on something that is not a dataset.
  let rest = clauses.slice(0, at + 1).join('').replace(annexRe(), '');
  for (const v of verbs) rest = rest.split(v).join('');
  return rest.replace(/[\s\p{P}]/gu, '').length <= 4;
}
/** The unit that submitted the quoted names: the words before a submission verb (領務局提報之「). */
const submitterRe = derived((g) => {
  const d = g.records.datasets;
  return new RegExp(`([\\p{Script=Han}A-Za-z]{2,12}?)(?:${alternation(d.submitVerbs)})(?:${alternation(d.possessives)})?\\s*「`, 'u');
});
/** An annex named in a decision (如附件 2): its mark and number. */
const annexRe = derived((g) => new RegExp(`(${alternation(g.records.rulingAnnexMarks)})\\s*([0-9${numeralChars()}]+)`, 'u'));

function decisionIn(sentence: string): DatasetDecisionKind | null {
  const d = grammar().records.datasets;
  if (d.rejectVerbs.some((v) => sentence.includes(v))) return 'rejected';
  if (d.deferVerbs.some((v) => sentence.includes(v))) return 'deferred';
  if (d.approveVerbs.some((v) => sentence.includes(v))) return 'approved';
  return null;
}

/**
 * Dataset decisions: submissions (lists and prose), then the rulings that decide them — by name
 * (`同意開放領務局提報之「…」`) or all at once (`同意開放各單位提報之資料`, `預計開放資料集(如附件 2)同意開放`).
 * A blanket decision decides every submission named before it; with none named it is one blanket record.
 */
export function extractDatasets(ctx: ExtractContext, bodyStart: number, speeches: readonly SpeechDraft[], rulings: readonly RulingDraft[]): { datasets: DatasetDecision[]; diagnostics: Diagnostic[] } {
  const d = grammar().records.datasets;
  const submitted = [...namedSubmissions(ctx, bodyStart), ...proseSubmissions(ctx, speeches)].sort((a, b) => a.span.start - b.span.start);
  const extra: DatasetDecision[] = [];
  for (const r of rulings) {
    const sentences = r.text.split(/[。；;\n]/u);
    for (const sentence of sentences) {
      const decision = decisionIn(sentence);
      if (!decision) continue;
      // Named, clause by clause (「…」同意開放，「…」暫緩開放): the verb governs the quoted names directly, before
      // them (同意開放領務局提報之「…」、「…」) or after them (能源局提報之「…」暫緩開放), no clause break between.
      let decided = false;
      for (const clause of sentence.split(/[，,]/u)) {
        const clauseDecision = clause.includes('「') ? decisionIn(clause) : null;
        if (!clauseDecision) continue;
        const named = namedRe().exec(clause);
        const before = named ? null : namedBeforeRe().exec(clause);
        const names = [...(named?.[0] ?? before?.[0] ?? '').matchAll(QUOTED)].map((q) => q[1]!);
        if (!names.length) continue;
        decided = true;
        // The words before the submission verb name the unit (同意開放 | 領務局 | 提報之「, or 領務局 | 提報之「…」同意開放).
        const unit = named ? (submitterRe().exec(named[0].slice(named[1]!.length))?.[1] ?? null) : (submitterRe().exec(clause.slice(0, before!.index + 1))?.[1] ?? null);
        // 「…」等 2 項: the named dataset stands for its unit's whole submission on that line.
        const andOthers = etcRe().test(named?.[0] ?? before?.[0] ?? '');
        for (const name of names) {
          const hit = submitted.find((s) => foldName(s.name).includes(foldName(name)) || foldName(name).includes(foldName(s.name)));
          if (hit) {
            Object.assign(hit, { decision: clauseDecision, rulingId: r.id, unit: hit.unit ?? unit });
            if (andOthers) for (const s of submitted) if (s.decision === 'proposed' && s.rule === hit.rule && s.span.line === hit.span.line) Object.assign(s, { decision: clauseDecision, rulingId: r.id });
          } else extra.push({ name, unit, count: null, decision: clauseDecision, scope: 'named', annex: null, rulingId: r.id, rule: 'datasets.ruling-named', span: r.span });
        }
      }
      if (decided) continue;
      if (!d.blanketObjects.some((o) => sentence.includes(o))) {
        // A bare decision (照案通過。, 同意開放。, 經審議，同意開放如附件。) decides the datasets submitted in the
        // ruling's own section; elsewhere it names nothing.
        if (!isBareDecision(sentence)) continue;
        const section = topOf(ctx, r.span.line - 1);
        for (const s of submitted) if (s.decision === 'proposed' && s.span.start < r.span.start && section !== null && topOf(ctx, s.span.line - 1) === section) Object.assign(s, { decision, rulingId: r.id });
        continue;
      }
      const annex = annexRe().exec(sentence);
      const pending = submitted.filter((s) => s.decision === 'proposed' && s.span.start < r.span.start);
      if (pending.length) for (const s of pending) Object.assign(s, { decision, rulingId: r.id });
      else
        extra.push({ name: null, unit: null, count: null, decision, scope: 'all-submitted', annex: annex ? `${annex[1]} ${annex[2]}` : null, rulingId: r.id, rule: 'datasets.ruling-blanket', span: r.span });
    }
  }
  const diagnostics: Diagnostic[] = submitted
    .filter((s) => s.decision === 'proposed')
    .map((s) => ({ severity: 'warning' as const, code: 'dataset-undecided', message: `No ruling decides the submitted dataset 「${s.name}」; it is listed as proposed.`, span: s.span }));
  return { datasets: [...submitted, ...extra], diagnostics };
}
