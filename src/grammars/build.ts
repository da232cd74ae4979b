import type { AgendaKind, AttendanceStatus, AttendeeRole, RulingKind } from '../types.js';
import { alternation, Checker, GrammarError } from './load.js';
import { inFolder, mergeTables, overlayFolder, readGrammarTables, type GrammarFile, type GrammarOverlay, type GrammarTables } from './tables.js';


const KINDS = ['metadata', 'chair-remarks', 'special-report', 'report', 'discussion', 'member-remarks', 'resolutions', 'extempore-motions', 'adjournment', 'other'] as const;
const ROLES = ['convener', 'member', 'agency-representative', 'civil-representative', 'observer', 'staff'] as const;
const STATUSES = ['present', 'proxy', 'on-leave', 'absent'] as const;

export interface HeadingFamily {
  id: string;
  level: number;
  numerals: string;
  open: string[];
  close: string[];
  requireClose: boolean;
}

export interface Grammar {
  /** The JSON tables this grammar was built from (what an overlay extends, and what a worker is sent). */
  readonly tables: GrammarTables;
  numerals: { digits: Record<string, number>; units: Record<string, number>; bigUnits: Record<string, number>; ordinalPrefixes: string[] };
  headings: { listPrefixes: string[]; families: HeadingFamily[]; numeralSets: Record<string, string>; outlineUnits: string };
  sections: {
    kinds: { kind: AgendaKind; keywords: string[] }[]; omittedMarkers: string[]; omittedWords: string[]; endKinds: AgendaKind[]; remarksWords: string[]; closingLabels: string[];
    /** A compilation's front matter (segment/front-matter.ts): preface headings and contents headings. */
    frontMatterHeadings: string[];
    contentsHeadings: string[];
    /** Words written before or after a contents entry's page number (第5頁, p.5). */
    contentsPagePrefixes: string[];
    contentsPageSuffixes: string[];
    /** Names of one body (定期會, 定期大會): a compilation's title and its records' titles may use either. */
    sameBodies: string[][];
    /** Words ending a compilation's title (議事錄, 彙編), when it has no contents page. */
    compilationWords: string[];
    /** Attendance grids of marks per sitting (extract/attendance-grid.ts). */
    attendanceGrid: { titleWords: string[]; legendLinks: string[]; legendAlternatives: string[]; blankMarks: string[]; presentWords: string[]; absentWords: string[]; defaultMarks: { mark: string; status: AttendanceStatus }[] };
  };
  people: { titles: string[]; compoundSurnames: string[]; orgSuffixes: string[]; givenNameMaxLength: number; chairWords: string[]; surnames: string[]; titleModifiers: string[]; notNames: string[]; honorifics: string[]; notNamePrefixes: string[]; listTails: string[]; postWords: string[]; shortPostEnds: string[]; unitHeadEnds: string[] };
  fields: {
    fields: Record<'time' | 'location' | 'chair' | 'recorder' | 'attendance' | 'observers' | 'absent' | 'adjourn' | 'name' | 'furniture', string[]>;
    titleMarkers: string[];
    meetingWords: string[];
    onlineWords: string[];
    agencyRefs: string[];
    agencySuffixes: string[];
    bodyKeywords: string[];
    titleMeetingWords: string[];
    /** Count units of a title: 第 N 屆 (term), 第 N 次 (session), 第 N 會期 (period). */
    countUnits: Record<'term' | 'session' | 'period', string[]>;
    /** Words besides the title markers that end a body's name in a title (會議摘要). */
    bodyEndMarkers: string[];
    /** Words that end an agenda's title (議程): a paper that announces a meeting (extract/kind.ts). */
    agendaMarkers: string[];
    /** A chair's bracketed note: (Y代理主持) Y stands in; (代表召集人 Y 主持) the one outside presides for Y. */
    actingNotes: Record<'actorMarks' | 'onBehalfMarks' | 'onBehalfTitles' | 'verbs' | 'leads', string[]>;
    /** Words before the names of chairs in turn (由 A、B 分別主持), and what separates those names. */
    chairTurnLeads: string[];
    nameSeparators: string[];
    /** Attendance words that head longer field labels (出席理事, 請假人員姓名). */
    attendanceLabelHeads: string[];
    agencyFollowers: string[];
    chairTurnMarkers: string[];
    bulletMarks: string[];
    prefixableLabelRefs: string[];
    titlePrefixes: string[];
    /** A sentence that says when the meeting ended (會議於下午4時30分結束): its subject, then the time, then one of adjournVerbs. */
    adjournSubjects: string[];
    adjournVerbs: string[];
  };
  time: {
    rocOffset: number;
    eras: string[];
    periods: Record<string, { pm: boolean | 'noon' }>;
    weekdays: Record<string, number>;
    weekdayPrefixes: string[];
    hourWords: string[];
    minuteWords: string[];
    halfHour: string;
    monthEnd: string[];
    dueMarkers: string[];
    offset: string;
    earliestYear: number;
    latestYearAhead: number;
    dateSeparators: string[];
    /** Words of a written date's parts (年, 月, 日/號) and what may follow a year or month in a title (年度, 月份). */
    dateParts: Record<'year' | 'month' | 'day' | 'yearPrefixes' | 'yearSuffixes' | 'monthSuffixes', string[]>;
  };
  /** Variant character → the form names fold to (啓 → 啟, 台 → 臺). */
  variants: Map<string, string>;
  layout: {
    pageNumberPatterns: RegExp[];
    pageEdgeOnlyPatterns: RegExp[];
    repeatedEdgeLineMinPages: number;
    repeatedEdgeLineShare: number;
    sentenceEnds: string[];
    wrapWidthShare: number;
    minWrapWidth: number;
  };
  records: {
    rulingLabels: { label: string; kind: RulingKind }[];
    nonSpeakerLabels: string[];
    attendeeGroups: { label: string; role: AttendeeRole; status?: AttendanceStatus }[];
    attendanceReferenced: string[];
    attendanceTableHeaders: string[];
    /** A header naming the title column (職稱); the names stand in the column after it. */
    attendanceTableTitleHeaders: string[];
    /** The group of a table of titles and names with no group column (出席). */
    attendanceTableGroup: string;
    /** Words joining two list entries as a separator does (暨). */
    listConjunctions: string[];
    statusMarks: { mark: string; status: AttendanceStatus }[];
    proxyMarks: string[];
    /** A proxy note's words around the proxy's name: 由 before it (由李大華代理), a label before it (代理人：林美玲). */
    proxyLeads: string[];
    proxyLabels: string[];
    recorderMarks: string[];
    countPattern: { prefix: string[]; suffix: string[] };
    datasets: Record<
      'itemCountWords' | 'approveVerbs' | 'rejectVerbs' | 'deferVerbs' | 'proposeVerbs' | 'blanketObjects' | 'currentPeriods' | 'intentMarks' | 'submitVerbs' | 'possessives' | 'conjunctions' | 'etcMarks' | 'datasetNouns' | 'countLeads',
      string[]
    >;
    ownerVerbs: string[];
    ownerStop: string[];
    /** Speaker labels: verbs after the speaker (報告, 致詞, 答覆 …), extra speaker titles, titles that name a group, title spellings, readers, tallies, empty texts. */
    speechVerbs: string[];
    /** Words after a speaker's name in a heading that introduces their points (針對, 就, 之). */
    speakerIntroMarks: string[];
    speakerTitles: string[];
    groupTitles: string[];
    speakerTitleSpellings: Record<string, string>;
    readerLabels: string[];
    tallyUnits: string[];
    spokenOpeners: string[];
    voidSpeechTexts: string[];
    speakerModifiers: string[];
    guestSpeakers: string[];
    electionWords: string[];
    speakerOrgSuffixes: string[];
    amountUnits: string[];
    /** Line starts that end a ruling's text (the next case's fields, an annex). */
    rulingStops: string[];
    /** Words of an item that reads out an earlier record (宣讀上次會議議事錄). */
    recordReadingWords: string[];
    /** The words of a task's date: units (年 月 日, 年度), range marks, and the nouns, copulas and prepositions framing it. */
    dateWords: Record<'dateNouns' | 'copulas' | 'prepositions' | 'rangeMarks' | 'yearLeads', string[]>;
    /** A heading about one year's part of a list (110 年部分). */
    yearPartWords: string[];
    /** After a due marker, characters that make it another word (前往, 前述). */
    notDueFollowers: string[];
    /** Words before a count's numeral (第). */
    actionPlanMarkers: string[];
    actionTaskVerbs: string[];
    actionDeadlineNouns: string[];
    actionRequestVerbs: string[];
    actionPastMarkers: string[];
    actionDeadlineLeads: string[];
    labelBullets: string[];
    caseWords: string[];
    trackingLabels: string[];
    rulingLabelInserts: string[];
    rulingLabelOpeners: string[];
    rulingLabelClosers: string[];
    rulingLeads: string[];
    scheduleHeads: string[];
    /** Words in a ruling's lead that announce the list after it (本案除以下各點外…). */
    rulingListAnnouncers: string[];
    /** An annex mark standing alone on its line ends a ruling (`(附件1)`). */
    rulingAnnexMarks: string[];
  };
  /** What OCR misreads (src/ocr): look-alike digits, heading numerals and name characters, corrected only where the grammar is sure. */
  ocr: {
    digitLookalikes: Record<string, string>;
    markerLookalikes: Record<string, string>;
    markerEnds: string[];
    markerBrackets: [string, string][];
    nameLookalikes: string[];
  };
  /** People identity (src/people): name shapes, never-names, non-organisation marks, rename prefixes. */
  identity: {
    surnames: Set<string>;
    hanNameLength: [number, number];
    nameDots: string;
    latinNameMaxLength: number;
    nonNames: string[];
    orgStopMarks: string;
    addressMarks: string[];
    orgMaxLength: number;
    renamePrefixes: string[];
    nonNameEndings: string[];
  };
}

function strMap<K extends string>(c: Checker, o: Record<string, unknown>, key: string, names: readonly K[]): Record<K, string[]> {
  const out = {} as Record<K, string[]>;
  for (const n of names) out[n] = c.strings(o[n], key ? `${key}.${n}` : n);
  return out;
}

/** Loads and validates every table of a grammar folder (the package's `grammars/` by default). Throws GrammarError naming file and key. */
export function loadGrammar(dir?: string): Grammar {
  return buildGrammar(readGrammarTables(dir));
}

/** Validates the JSON tables and derives the forms the code reads. Throws GrammarError naming file and key. */
export function buildGrammar(given: GrammarTables): Grammar {
  // The grammar keeps its own frozen copy: what it was built from cannot change under it, and a rule
  // that derives entries (label forms) must copy, never push into the tables.
  const tables = deepFreeze(structuredClone(given));
  const table = <T>(file: GrammarFile, validate: (raw: unknown, check: Checker) => T): T => validate(tables[file], new Checker(file));
  const numerals = table('numerals.json', (raw, c) => {
    const o = c.obj(raw, '(root)');
    return { digits: c.numberMap(o.digits, 'digits'), units: c.numberMap(o.units, 'units'), bigUnits: c.numberMap(o.bigUnits, 'bigUnits'), ordinalPrefixes: c.strings(o.ordinalPrefixes, 'ordinalPrefixes') };
  });
  const headings = table('headings.json', (raw, c) => {
    const o = c.obj(raw, '(root)');
    const sets = c.obj(o.numeralSets, 'numeralSets') as Record<string, string>;
    const families = (Array.isArray(o.families) ? o.families : []).map((f: unknown, i: number) => {
      const fo = c.obj(f, `families[${i}]`);
      const numeralsName = c.string(fo.numerals, `families[${i}].numerals`);
      c.string(sets[numeralsName], `numeralSets.${numeralsName}`);
      return {
        id: c.string(fo.id, `families[${i}].id`),
        level: c.number(fo.level, `families[${i}].level`),
        numerals: numeralsName,
        open: fo.open === undefined ? [] : (fo.open as unknown[]).length ? c.strings(fo.open, `families[${i}].open`) : [],
        close: (fo.close as unknown[]).length ? c.strings(fo.close, `families[${i}].close`) : [],
        requireClose: fo.requireClose !== false,
      };
    });
    if (families.length === 0) c.strings(undefined, 'families');
    return { listPrefixes: c.strings(o.listPrefixes, 'listPrefixes'), families, numeralSets: sets, outlineUnits: c.string(o.outlineUnits, 'outlineUnits') };
  });
  const sections = table('sections.json', (raw, c) => {
    const o = c.obj(raw, '(root)');
    const kinds = (o.kinds as unknown[]).map((k, i) => {
      const ko = c.obj(k, `kinds[${i}]`);
      return { kind: c.oneOf(ko.kind, `kinds[${i}].kind`, KINDS), keywords: c.strings(ko.keywords, `kinds[${i}].keywords`) };
    });
    const grid = c.obj(o.attendanceGrid, 'attendanceGrid');
    const defaultMarks = (Array.isArray(grid.defaultMarks) ? grid.defaultMarks : c.strings(undefined, 'attendanceGrid.defaultMarks')).map((m: unknown, i: number) => {
      const mo = c.obj(m, `attendanceGrid.defaultMarks[${i}]`);
      return { mark: c.string(mo.mark, `attendanceGrid.defaultMarks[${i}].mark`), status: c.oneOf(mo.status, `attendanceGrid.defaultMarks[${i}].status`, STATUSES) };
    });
    const attendanceGrid = Object.assign(strMap(c, grid, 'attendanceGrid', ['titleWords', 'legendLinks', 'legendAlternatives', 'blankMarks', 'presentWords', 'absentWords'] as const), { defaultMarks });
    return {
      kinds,
      omittedMarkers: c.strings(o.omittedMarkers, 'omittedMarkers'),
      omittedWords: c.strings(o.omittedWords, 'omittedWords'),
      endKinds: c.strings(o.endKinds, 'endKinds').map((k, i) => c.oneOf(k, `endKinds[${i}]`, KINDS)),
      remarksWords: c.strings(o.remarksWords, 'remarksWords'),
      closingLabels: c.strings(o.closingLabels, 'closingLabels'),
      frontMatterHeadings: c.strings(o.frontMatterHeadings, 'frontMatterHeadings'),
      contentsHeadings: c.strings(o.contentsHeadings, 'contentsHeadings'),
      contentsPagePrefixes: c.strings(o.contentsPagePrefixes, 'contentsPagePrefixes'),
      contentsPageSuffixes: c.strings(o.contentsPageSuffixes, 'contentsPageSuffixes'),
      compilationWords: c.strings(o.compilationWords, 'compilationWords'),
      sameBodies: (Array.isArray(o.sameBodies) ? o.sameBodies : c.strings(undefined, 'sameBodies')).map((g: unknown, i: number) => c.strings(g, `sameBodies[${i}]`)),
      attendanceGrid,
    };
  });
  const people = table('people.json', (raw, c) => {
    const o = c.obj(raw, '(root)');
    return Object.assign(strMap(c, o, '', ['titles', 'compoundSurnames', 'orgSuffixes', 'chairWords', 'surnames', 'titleModifiers', 'notNames', 'honorifics', 'notNamePrefixes', 'listTails', 'postWords', 'shortPostEnds', 'unitHeadEnds'] as const), {
      givenNameMaxLength: c.number(o.givenNameMaxLength, 'givenNameMaxLength'),
    });
  });
  const fields = table('fields.json', (raw, c) => {
    const o = c.obj(raw, '(root)');
    return {
      fields: withLabelForms(
        strMap(c, c.obj(o.fields, 'fields'), 'fields', ['time', 'location', 'chair', 'recorder', 'attendance', 'observers', 'absent', 'adjourn', 'name', 'furniture'] as const),
        Object.fromEntries(Object.entries(c.obj(o.labelForms, 'labelForms')).map(([k, v]) => [k, strMap(c, c.obj(v, `labelForms.${k}`), `labelForms.${k}`, ['prefixes', 'stems', 'suffixes'] as const)])),
      ),
      ...strMap(c, o, '', ['titleMarkers', 'meetingWords', 'onlineWords', 'agencyRefs', 'agencySuffixes', 'bodyKeywords', 'titleMeetingWords', 'agencyFollowers', 'chairTurnMarkers', 'bulletMarks', 'prefixableLabelRefs', 'titlePrefixes', 'adjournSubjects', 'adjournVerbs', 'bodyEndMarkers', 'agendaMarkers', 'chairTurnLeads', 'nameSeparators', 'attendanceLabelHeads'] as const),
      countUnits: strMap(c, c.obj(o.countUnits, 'countUnits'), 'countUnits', ['term', 'session', 'period'] as const),
      actingNotes: strMap(c, c.obj(o.actingNotes, 'actingNotes'), 'actingNotes', ['actorMarks', 'onBehalfMarks', 'onBehalfTitles', 'verbs', 'leads'] as const),
    };
  });
  const time = table('time.json', (raw, c) => {
    const o = c.obj(raw, '(root)');
    const periods = c.obj(o.periods, 'periods') as Record<string, { pm: boolean | 'noon' }>;
    return Object.assign(strMap(c, o, '', ['eras', 'weekdayPrefixes', 'hourWords', 'minuteWords', 'monthEnd', 'dueMarkers', 'dateSeparators'] as const), {
      dateParts: strMap(c, c.obj(o.dateParts, 'dateParts'), 'dateParts', ['year', 'month', 'day', 'yearPrefixes', 'yearSuffixes', 'monthSuffixes'] as const),
      earliestYear: c.number(o.earliestYear, 'earliestYear'),
      latestYearAhead: c.number(o.latestYearAhead, 'latestYearAhead'),
      rocOffset: c.number(o.rocOffset, 'rocOffset'),
      periods,
      weekdays: c.numberMap(o.weekdays, 'weekdays'),
      halfHour: c.string(o.halfHour, 'halfHour'),
      offset: c.string(o.offset, 'offset'),
    });
  });
  const records = table('records.json', (raw, c) => {
    const o = c.obj(raw, '(root)');
    const cp = c.obj(o.countPattern, 'countPattern');
    return {
      rulingLabels: withRulingForms(
        (o.rulingLabels as unknown[]).map((r, i) => {
          const ro = c.obj(r, `rulingLabels[${i}]`);
          return { label: c.string(ro.label, `rulingLabels[${i}].label`), kind: c.oneOf(ro.kind, `rulingLabels[${i}].kind`, ['chair-ruling', 'resolution'] as const) };
        }),
        strMap(c, c.obj(o.rulingForms, 'rulingForms'), 'rulingForms', ['headTitleEnds', 'headTitles', 'chairVerbs', 'resolutionPrefixes', 'resolutionStems', 'suffixes'] as const),
        people,
      ),
      nonSpeakerLabels: c.strings(o.nonSpeakerLabels, 'nonSpeakerLabels'),
      attendeeGroups: (o.attendeeGroups as unknown[]).map((g, i) => {
        const go = c.obj(g, `attendeeGroups[${i}]`);
        const out: { label: string; role: AttendeeRole; status?: AttendanceStatus } = {
          label: c.string(go.label, `attendeeGroups[${i}].label`),
          role: c.oneOf(go.role, `attendeeGroups[${i}].role`, ROLES),
        };
        if (go.status !== undefined) out.status = c.oneOf(go.status, `attendeeGroups[${i}].status`, STATUSES);
        return out;
      }),
      attendanceReferenced: c.strings(o.attendanceReferenced, 'attendanceReferenced'),
      attendanceTableHeaders: c.strings(o.attendanceTableHeaders, 'attendanceTableHeaders'),
      attendanceTableTitleHeaders: c.strings(o.attendanceTableTitleHeaders, 'attendanceTableTitleHeaders'),
      // The group of a table with no group column: one of the attendee groups' labels.
      attendanceTableGroup: c.oneOf(o.attendanceTableGroup, 'attendanceTableGroup', (o.attendeeGroups as { label?: unknown }[]).map((g) => String(g?.label))),
      listConjunctions: c.strings(o.listConjunctions, 'listConjunctions'),
      statusMarks: (o.statusMarks as unknown[]).map((s, i) => {
        const so = c.obj(s, `statusMarks[${i}]`);
        return { mark: c.string(so.mark, `statusMarks[${i}].mark`), status: c.oneOf(so.status, `statusMarks[${i}].status`, STATUSES) };
      }),
      proxyMarks: c.strings(o.proxyMarks, 'proxyMarks'),
      proxyLeads: c.strings(o.proxyLeads, 'proxyLeads'),
      proxyLabels: c.strings(o.proxyLabels, 'proxyLabels'),
      recorderMarks: c.strings(o.recorderMarks, 'recorderMarks'),
      countPattern: { prefix: c.strings(cp.prefix, 'countPattern.prefix'), suffix: c.strings(cp.suffix, 'countPattern.suffix') },
      datasets: strMap(c, c.obj(o.datasets, 'datasets'), 'datasets', ['itemCountWords', 'approveVerbs', 'rejectVerbs', 'deferVerbs', 'proposeVerbs', 'blanketObjects', 'currentPeriods', 'intentMarks', 'submitVerbs', 'possessives', 'conjunctions', 'etcMarks', 'datasetNouns', 'countLeads'] as const),
      ownerVerbs: c.strings(o.ownerVerbs, 'ownerVerbs'),
      ownerStop: c.strings(o.ownerStop, 'ownerStop'),
      ...strMap(c, o, '', ['speechVerbs', 'speakerIntroMarks', 'speakerTitles', 'groupTitles', 'readerLabels', 'tallyUnits', 'spokenOpeners', 'voidSpeechTexts', 'speakerModifiers', 'guestSpeakers', 'electionWords', 'speakerOrgSuffixes', 'amountUnits'] as const),
      speakerTitleSpellings: Object.fromEntries(Object.entries(c.obj(o.speakerTitleSpellings, 'speakerTitleSpellings')).map(([k, v]) => [k, c.string(v, `speakerTitleSpellings.${k}`)])),
      dateWords: strMap(c, c.obj(o.dateWords, 'dateWords'), 'dateWords', ['dateNouns', 'copulas', 'prepositions', 'rangeMarks', 'yearLeads'] as const),
      ...strMap(c, o, '', ['yearPartWords', 'notDueFollowers', 'rulingStops', 'recordReadingWords', 'actionPlanMarkers', 'actionTaskVerbs', 'actionDeadlineNouns', 'actionRequestVerbs', 'actionPastMarkers', 'actionDeadlineLeads', 'labelBullets', 'caseWords', 'trackingLabels', 'rulingLabelInserts', 'rulingLabelOpeners', 'rulingLabelClosers', 'rulingLeads', 'scheduleHeads', 'rulingListAnnouncers', 'rulingAnnexMarks'] as const),
    };
  });
  const layout = table('layout.json', (raw, c) => {
    const o = c.obj(raw, '(root)');
    const regexes = (key: string) =>
      c.strings(o[key], key).map((src, i) => {
        try {
          return new RegExp(src, 'u');
        } catch {
          return c.strings([''], `${key}[${i}] (a valid regular expression)`) as never;
        }
      });
    return {
      pageNumberPatterns: regexes('pageNumberPatterns'),
      pageEdgeOnlyPatterns: regexes('pageEdgeOnlyPatterns'),
      repeatedEdgeLineMinPages: c.number(o.repeatedEdgeLineMinPages, 'repeatedEdgeLineMinPages'),
      repeatedEdgeLineShare: c.number(o.repeatedEdgeLineShare, 'repeatedEdgeLineShare'),
      sentenceEnds: c.strings(o.sentenceEnds, 'sentenceEnds'),
      wrapWidthShare: c.number(o.wrapWidthShare, 'wrapWidthShare'),
      minWrapWidth: c.number(o.minWrapWidth, 'minWrapWidth'),
    };
  });
  const variants = table('variants.json', (raw, c) => {
    const o = c.obj(c.obj(raw, '(root)').variants, 'variants');
    const map = new Map<string, string>();
    for (const [to, from] of Object.entries(o)) for (const ch of c.string(from, `variants.${to}`)) map.set(ch, to);
    return map;
  });
  const identity = table('identity.json', (raw, c) => {
    const o = c.obj(raw, '(root)');
    const range = Array.isArray(o.hanNameLength) && o.hanNameLength.length === 2 ? o.hanNameLength : [null, null];
    return {
      surnames: new Set(c.string(o.surnames, 'surnames')),
      hanNameLength: [c.number(range[0], 'hanNameLength[0]'), c.number(range[1], 'hanNameLength[1]')] as [number, number],
      nameDots: c.string(o.nameDots, 'nameDots'),
      latinNameMaxLength: c.number(o.latinNameMaxLength, 'latinNameMaxLength'),
      nonNames: c.strings(o.nonNames, 'nonNames'),
      orgStopMarks: c.string(o.orgStopMarks, 'orgStopMarks'),
      addressMarks: c.strings(o.addressMarks, 'addressMarks'),
      orgMaxLength: c.number(o.orgMaxLength, 'orgMaxLength'),
      renamePrefixes: c.strings(o.renamePrefixes, 'renamePrefixes'),
      nonNameEndings: c.strings(o.nonNameEndings, 'nonNameEndings'),
    };
  });
  const ocr = table('ocr.json', (raw, c) => {
    const o = c.obj(raw, '(root)');
    const strMap = (key: string): Record<string, string> => {
      const m = c.obj(o[key], key);
      for (const [k, v] of Object.entries(m)) c.string(v, `${key}.${k}`);
      return m as Record<string, string>;
    };
    const v = o.markerBrackets;
    if (!Array.isArray(v) || v.some((p) => !Array.isArray(p) || p.length !== 2 || p.some((x) => typeof x !== 'string' || !x)))
      c.strings(undefined, 'markerBrackets (a list of [open, close] pairs)');
    return {
      digitLookalikes: strMap('digitLookalikes'),
      markerLookalikes: strMap('markerLookalikes'),
      markerEnds: c.strings(o.markerEnds, 'markerEnds'),
      markerBrackets: v as [string, string][],
      nameLookalikes: c.strings(o.nameLookalikes, 'nameLookalikes'),
    };
  });
  return { tables, numerals, headings, sections, people, fields, time, layout, records, variants, identity, ocr };
}


/**
 * Ruling labels by their make-up (records.json rulingForms): the chair or a head's title + a chair's verb
 * (+ suffix) is a chair's ruling; an optional prefix + a resolution word (+ suffix) is a resolution. Listed
 * labels come first and keep their kind; the list is sorted longest first.
 */
function withRulingForms(
  listed: { label: string; kind: 'chair-ruling' | 'resolution' }[],
  f: { headTitleEnds: string[]; headTitles: string[]; chairVerbs: string[]; resolutionPrefixes: string[]; resolutionStems: string[]; suffixes: string[] },
  people: { titles: string[]; chairWords: string[] },
): { label: string; kind: 'chair-ruling' | 'resolution' }[] {
  const out = new Map<string, 'chair-ruling' | 'resolution'>();
  for (const r of listed) out.set(r.label, r.kind);
  const add = (label: string, kind: 'chair-ruling' | 'resolution', suffixed: boolean) => {
    for (const l of suffixed ? [label, ...f.suffixes.map((x) => label + x)] : [label]) if (!out.has(l)) out.set(l, kind);
  };
  const heads = new Set([...people.chairWords, ...f.headTitles, ...people.titles.filter((t) => f.headTitleEnds.some((e) => t.endsWith(e)))]);
  for (const h of heads) for (const v of f.chairVerbs) add(h + v, 'chair-ruling', false);
  for (const stem of f.resolutionStems) for (const p of ['', ...f.resolutionPrefixes]) add(p + stem, 'resolution', true);
  return [...out].map(([label, kind]) => ({ label, kind })).sort((a, b) => b.label.length - a.label.length);
}

/**
 * Field labels by their make-up (fields.json labelForms): an optional prefix + a stem + an optional suffix,
 * added after the listed labels of that field; a label listed under another field keeps that field.
 */
function withLabelForms<T extends Record<string, string[]>>(given: T, forms: Record<string, { prefixes: string[]; stems: string[]; suffixes: string[] }>): T {
  const fields = Object.fromEntries(Object.entries(given).map(([k, v]) => [k, [...v]])) as T;
  const listed = new Set(Object.values(fields).flat());
  for (const [field, f] of Object.entries(forms)) {
    const list = fields[field];
    if (!list) continue;
    for (const p of ['', ...f.prefixes]) for (const stem of f.stems) for (const x of ['', ...f.suffixes]) {
      const label = p + stem + x;
      if (!listed.has(label)) {
        listed.add(label);
        list.push(label);
      }
    }
  }
  return fields;
}

/**
 * A grammar with an overlay applied: the base's tables, plus (and minus, under `remove`) the overlay's,
 * validated as a whole, so an error names the overlay's file and key. The base is not changed.
 *
 * @example
 *   const g = extendGrammar(defaultGrammar(), readGrammarOverlay('my-grammar/'));
 *   parse(text, { grammar: g });
 */
export function extendGrammar(base: Grammar, overlay: GrammarOverlay): Grammar {
  const folder = overlayFolder(overlay);
  try {
    return buildGrammar(mergeTables(base.tables, overlay));
  } catch (e) {
    throw folder && e instanceof GrammarError ? inFolder(e, folder) : e;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
