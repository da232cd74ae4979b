import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasOcrPackages, ROOT } from './helpers.js';

/**
 * Every example in README.md and docs/*.md is run, and what it shows must be what it does.
 *
 * - `sh` blocks: each `twminutes …` command runs (the built CLI) in a sandbox holding the files the docs
 *   name (minutes.pdf, minutes.txt, archive/, samples/, test/fixtures/pdf/, my-grammar/, convened.txt). A
 *   synopsis line (`<file>`, `[--pretty]`) is not run: each option it names must be one the command's --help
 *   lists. `npm …` and `apt-get …` lines set up a machine and are left to CI, which runs them.
 * - `ts` / `js` blocks run as ES modules, `cjs` blocks as CommonJS (tsx) in the sandbox, importing
 *   `twminutes` from this package. A shell line ending `# exit N` must exit N (else 0).
 * - An output block (no language, `json`, `xml`) after a run shows its output: every line of it (`…` stands
 *   for anything, and times or rates for any number) appears, in order, in what the run printed or in a
 *   file it wrote; a `json` block must be JSON and be contained in the JSON the run printed or wrote.
 * - A block right after `<!-- file: PATH -->` shows that file of this repository (an input the examples
 *   use, e.g. test/fixtures/people/people.json): a `json` block must be its JSON, any other its text.
 */

const CLI = join(ROOT, 'dist/cli/main.js');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const DOCS = ['README.md', ...readdirSync(ROOT + 'docs').filter((f) => f.endsWith('.md')).sort().map((f) => 'docs/' + f)];

interface Block {
  lang: string;
  body: string;
  line: number;
  /** The file of the repository it shows (`<!-- file: PATH -->` on the line before), if any. */
  file: string | null;
}

function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  const re = /^( *)```(\w*)\n([\s\S]*?)^\1```/gm;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) {
    const indent = m[1]!.length;
    const body = m[3]!.split('\n').map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))).join('\n');
    const file = /<!-- file: (\S+) -->\n$/.exec(markdown.slice(0, m.index))?.[1] ?? null;
    out.push({ lang: m[2]!, body, line: markdown.slice(0, m.index).split('\n').length, file });
  }
  return out;
}

/** A sandbox with the files the docs' examples name. */
function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), 'twminutes-docs-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules/twminutes'), 'dir');
  symlinkSync(join(ROOT, 'samples'), join(dir, 'samples'), 'dir');
  mkdirSync(join(dir, 'test'), { recursive: true });
  symlinkSync(join(ROOT, 'test/fixtures'), join(dir, 'test/fixtures'), 'dir');
  cpSync(join(ROOT, 'test/fixtures/pdf/mofa-2021-110-1.pdf'), join(dir, 'minutes.pdf'));
  cpSync(join(ROOT, 'samples/mofa-2021-110-1.txt'), join(dir, 'minutes.txt'));
  mkdirSync(join(dir, 'archive'));
  for (const f of readdirSync(join(ROOT, 'samples'))) if (f.endsWith('.txt')) cpSync(join(ROOT, 'samples', f), join(dir, 'archive', f));
  cpSync(join(ROOT, 'test/fixtures/pdf/moea-2021-7-1.pdf'), join(dir, 'archive/moea-2021-7-1.pdf'));
  // The README's grammar overlay: a folder of tables and minutes written in that body's style.
  cpSync(join(ROOT, 'test/fixtures/overlay/my-grammar'), join(dir, 'my-grammar'), { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/overlay/minutes.txt'), join(dir, 'convened.txt'));
  mkdirSync(join(dir, 'more'));
  cpSync(join(ROOT, 'test/fixtures/pdf/mofa-2018-107-1.pdf'), join(dir, 'more/mofa-2018-107-1.pdf'));
  return dir;
}

/** Files below `dir` changed since `since` (ms), with their text. */
function written(dir: string, since: number): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      if (f === 'node_modules' || f === 'samples' || f === 'test') continue;
      const p = join(d, f);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.mtimeMs >= since && st.size < 20_000_000) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

interface Run {
  what: string;
  status: number | null;
  output: string;
  files: string[];
}

function runShellLine(dir: string, line: string): Run {
  const since = Date.now() - 5;
  const cmd = line.replace(/^npx twminutes\b/, 'twminutes');
  const script = `twminutes() { ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} "$@"; }\n${cmd}`;
  const r = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', maxBuffer: 256 << 20, timeout: 120_000 });
  return { what: line, status: r.status, output: r.stdout + r.stderr, files: written(dir, since) };
}

function runModule(dir: string, lang: string, body: string, n: number): Run {
  const since = Date.now() - 5;
  const file = join(dir, `example-${n}.${lang === 'ts' ? 'mts' : lang === 'cjs' ? 'cjs' : 'mjs'}`);
  writeFileSync(file, body);
  const r = spawnSync(process.execPath, [TSX, file], { cwd: dir, encoding: 'utf8', maxBuffer: 256 << 20, timeout: 120_000 });
  return { what: `${lang} block`, status: r.status, output: r.stdout + r.stderr, files: written(dir, since).filter((t) => t !== body) };
}

/** A shown line as a pattern: `…` is anything; a time, rate or share is any number. */
function linePattern(shown: string): RegExp {
  const parts = shown.trim().split('…').map((p) =>
    p
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\d+(?:\\\.\d+)?(?= ?(?:s\b|ms\b|files\/s|%|MiB))/g, '[\\d.]+')
      .replace(/(ETA )\d+/g, '$1[\\d.]+'),
  );
  return new RegExp(parts.join('.*'), 'u');
}

/** Every shown line appears, in order, in one of the texts. */
function shownIn(shown: string, texts: string[]): string[] {
  const wanted = shown.split('\n').map((l) => l.trim()).filter((l) => l && l !== '…');
  for (const text of texts) {
    const lines = text.split('\n');
    let k = 0;
    let missing: string[] = [];
    for (const w of wanted) {
      const re = linePattern(w);
      while (k < lines.length && !re.test(lines[k]!)) k++;
      if (k === lines.length) {
        missing = wanted.slice(wanted.indexOf(w));
        break;
      }
      k++;
    }
    if (missing.length === 0) return [];
  }
  return wanted;
}

/** `shown` is contained in `actual` (objects: their shown keys; arrays: each shown element somewhere; `…` strings match anything). */
function contains(actual: unknown, shown: unknown): boolean {
  if (shown === '…' || (typeof shown === 'string' && shown.includes('…') && typeof actual === 'string')) {
    return shown.split('…').every((p) => (actual as string).includes(p));
  }
  if (Array.isArray(shown)) return Array.isArray(actual) && shown.every((s) => actual.some((a) => contains(a, s)));
  if (shown && typeof shown === 'object') {
    return !!actual && typeof actual === 'object' && Object.entries(shown).every(([k, v]) => contains((actual as Record<string, unknown>)[k], v));
  }
  return actual === shown;
}

/** `shown` is contained in `actual` or in any value nested in it. */
function containedSomewhere(actual: unknown, shown: unknown): boolean {
  if (contains(actual, shown)) return true;
  if (actual && typeof actual === 'object') return Object.values(actual).some((v) => containedSomewhere(v, shown));
  return false;
}

/** JSON of the run: its whole output, each output line, or a written file. */
function jsonOf(run: Run): unknown[] {
  const out: unknown[] = [];
  const tryParse = (t: string) => {
    try {
      out.push(JSON.parse(t));
      return true;
    } catch {
      return false;
    }
  };
  for (const t of [run.output, ...run.files]) if (!tryParse(t)) for (const l of t.split('\n')) if (l.startsWith('{')) tryParse(l);
  return out;
}

/** A JSON block with `…` where the docs abridge: bare `…` lines and elements are dropped. */
function parseShownJson(body: string): unknown {
  const cleaned = body
    .split('\n')
    .filter((l) => l.trim() !== '…' && l.trim() !== '…,')
    .join('\n')
    .replace(/,\s*…\s*([}\]])/g, '$1')
    .replace(/,(\s*[}\]])/g, '$1');
  return JSON.parse(cleaned.trim().startsWith('{') || cleaned.trim().startsWith('[') ? cleaned : `[${cleaned}]`);
}

const SETUP = /^(npm (?!run parse)|apt-get|git|cd|node scripts\/)/;

function helpOf(command: string): string {
  return execFileSync(process.execPath, [CLI, command, '--help'], { encoding: 'utf8' });
}

describe.each(DOCS.map((f) => [f]))('%s: its examples', (file) => {
  const markdown = readFileSync(ROOT + file, 'utf8');
  const bs = blocks(markdown);
  // docs/ocr.md's examples need the optional OCR packages; an install without them skips it.
  it.skipIf(file === 'docs/ocr.md' && !hasOcrPackages)('runs every example, and each shows what it does', () => {
    const dir = sandbox();
    const problems: string[] = [];
    let last: Run | null = null;
    bs.forEach((b, n) => {
      const at = `${file}:${b.line}`;
      if (b.file) {
        const text = readFileSync(ROOT + b.file, 'utf8');
        const same = b.lang === 'json' ? JSON.stringify(JSON.parse(b.body)) === JSON.stringify(JSON.parse(text)) : b.body.trim() === text.trim();
        if (!same) problems.push(`${at}: the block is not what ${b.file} holds`);
      } else if (b.lang === 'sh') {
        // The lines of one block make one run: what it shows may come from any of them.
        const runs: Run[] = [];
        for (const raw of b.body.split('\n')) {
          // A line may say the exit code it shows: `twminutes people x.txt   # exit 1`.
          const expected = Number(/#\s*exit (\d+)\s*$/.exec(raw)?.[1] ?? 0);
          const line = raw.replace(/\s+#.*$/, '').replace(/^#.*$/, '').trim();
          if (!line || SETUP.test(line)) continue;
          // `npm run parse -- ARGS` is `twminutes parse ARGS` after a build (this suite runs after one).
          const cmd = /(?:^|\| |&& )(?:npx )?twminutes (\w+)/.exec(line.replace(/^npm run parse -- /, 'twminutes parse '));
          if (!cmd) {
            problems.push(`${at}: not a twminutes command: ${line}`);
            continue;
          }
          if (/[<[|]/.test(line.replace(/'[^']*'/g, ''))) {
            // A synopsis: every option it names must exist.
            const help = helpOf(cmd[1]!);
            for (const opt of line.match(/--?[a-z][a-z-]*/g) ?? []) if (!help.includes(opt)) problems.push(`${at}: ${cmd[1]} has no option ${opt}`);
            continue;
          }
          const run = runShellLine(dir, line.replace(/^npm run parse -- /, 'twminutes parse '));
          runs.push(run);
          if (run.status !== expected && !(expected === 0 && /failed: /.test(run.output))) problems.push(`${at}: \`${line}\` exited ${run.status}, not ${expected}: ${run.output.slice(0, 300)}`);
        }
        if (runs.length) last = { what: runs.map((r) => '`' + r.what + '`').join(', '), status: 0, output: runs.map((r) => r.output).join('\n'), files: runs.flatMap((r) => r.files) };
      } else if (b.lang === 'ts' || b.lang === 'js' || b.lang === 'cjs') {
        last = runModule(dir, b.lang, b.body, n);
        if (last.status !== 0) problems.push(`${at}: the ${b.lang} example exited ${last.status}: ${last.output.slice(0, 500)}`);
      } else if (b.lang === 'json') {
        let shown: unknown;
        try {
          shown = parseShownJson(b.body);
        } catch (e) {
          problems.push(`${at}: the JSON example does not parse: ${(e as Error).message}`);
          return;
        }
        if (last === null) return;
        const actual = jsonOf(last);
        const items = Array.isArray(shown) && !b.body.trim().startsWith('[') ? shown : [shown];
        for (const s of items) if (!actual.some((a) => containedSomewhere(a, s))) problems.push(`${at}: the JSON example is not what ${last.what} gives`);
      } else if ((b.lang === '' || b.lang === 'xml' || b.lang === 'text') && last !== null) {
        const missing = shownIn(b.body, [last.output, ...last.files]);
        if (missing.length) problems.push(`${at}: ${last.what} does not show: ${missing.slice(0, 3).join(' | ')}`);
      }
    });
    expect(problems).toEqual([]);
  });
});

describe('the docs test itself', () => {
  it('finds a shown line only in order, with times as wildcards', () => {
    expect(shownIn('a 1.2 files/s\n…\nb', ['x\na 9.9 files/s\ny\nb'])).toEqual([]);
    expect(shownIn('b\na 1 files/s', ['a 1 files/s\nb'])).not.toEqual([]);
    expect(shownIn('2018-06-22', ['2018-06-23'])).not.toEqual([]);
  });
  it('matches JSON by containment', () => {
    expect(containedSomewhere({ people: [{ id: 'p-1', history: [{ from: 'x' }] }] }, { id: 'p-1', history: [{ from: 'x' }] })).toBe(true);
    expect(containedSomewhere({ people: [{ id: 'p-1' }] }, { id: 'p-2' })).toBe(false);
    expect(contains('abc…xyz'.replace('…', 'MIDDLE'), 'abc…xyz')).toBe(true);
  });
  it('ran examples in every doc', () => {
    expect(DOCS.length).toBeGreaterThan(4);
    expect(relative(ROOT, ROOT + DOCS[0]!)).toBe('README.md');
  });
});
