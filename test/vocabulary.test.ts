import { readdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
import { walk } from './regex-collect.js';

/**
 * One vocabulary (issue 19): the words of the genre live in grammars/*.json, and the code only says how
 * they are put together. These tests fail on Chinese written into a pattern in src/, on a grammar key that
 * no code reads, and on a grammar-derived value cached at module level (outside the compiled grammar).
 */

const HAN = /\p{Script=Han}/u;
const SRC = ROOT + 'src';
const sources = walk(SRC).map((file) => ({ file: relative(ROOT, file), sf: ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true) }));

/**
 * Patterns that may hold a Han character, each with why it is not vocabulary. Keyed by file and the
 * pattern's text (the regex literal, or the string given to `new RegExp`). Unicode script classes
 * (`\p{Script=Han}`) hold no Han character and need no entry.
 */
const PATTERN_ALLOWLIST: Record<string, string> = {
  // (none: every word of a pattern in src/ comes from grammars/)
};

interface Hit {
  where: string;
  text: string;
}

function hanPatterns(): Hit[] {
  const out: Hit[] = [];
  for (const { file, sf } of sources) {
    const at = (n: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        if (HAN.test(text)) out.push({ where: at(node), text });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        // new RegExp('…') / RegExp(`…${x}…`): the literal parts of the pattern argument.
        const arg = node.arguments?.[0];
        const parts: string[] = [];
        if (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) parts.push(arg.text);
        else if (arg && ts.isTemplateExpression(arg)) parts.push(arg.head.text, ...arg.templateSpans.map((s) => s.literal.text));
        const text = parts.join('${…}');
        if (HAN.test(text)) out.push({ where: at(node), text });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out.filter((h) => PATTERN_ALLOWLIST[`${h.where.replace(/:\d+$/, '')} ${h.text}`] === undefined);
}

/**
 * Tables whose keys are data, not names the code reads: each key is a word (or a set's name) and the
 * code reads the table whole (Object.keys / entries / a lookup by the word).
 */
const DATA_MAPS = new Set([
  'numerals.json:digits', // 一 → 1
  'numerals.json:units', // 十 → 10
  'numerals.json:bigUnits', // 萬 → 10000
  'headings.json:numeralSets', // set name → characters, named by families[].numerals
  'time.json:periods', // 上午 → { pm }
  'time.json:weekdays', // 星期一 → 1
  'records.json:speakerTitleSpellings', // a title as misspelt → as written
  'variants.json:variants', // 臺 → 台
  'fields.json:labelForms', // field name → its label forms
  'ocr.json:digitLookalikes', // O → 0
  'ocr.json:markerLookalikes', // - → 一
]);

/**
 * Keys read only where the grammar is built (src/grammars/build.ts), which expands them into the lists
 * the code reads: label forms into fields.*, ruling forms into rulingLabels.
 */
const EXPANDED_AT_BUILD = new Set([
  'fields.json:labelForms',
  'fields.json:labelForms.*.prefixes',
  'fields.json:labelForms.*.stems',
  'fields.json:labelForms.*.suffixes',
  'records.json:rulingForms',
  'records.json:rulingForms.headTitleEnds',
  'records.json:rulingForms.headTitles',
  'records.json:rulingForms.chairVerbs',
  'records.json:rulingForms.resolutionPrefixes',
  'records.json:rulingForms.resolutionStems',
  'records.json:rulingForms.suffixes',
]);

/** Every key path of a table (`a`, `a.b`, `list[].c` written `list.c`), comments (`$…`) left out, data maps not entered. */
function keyPaths(file: string, value: unknown, path = ''): { path: string; key: string }[] {
  if (Array.isArray(value)) return value.flatMap((v) => keyPaths(file, v, path));
  if (value === null || typeof value !== 'object') return [];
  const out: { path: string; key: string }[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith('$')) continue;
    const p = path ? `${path}.${k}` : k;
    out.push({ path: p, key: k });
    if (DATA_MAPS.has(`${file}:${p}`)) {
      // A data map's values may be objects with keys of their own (periods: { pm }), or label forms.
      for (const inner of Object.values(v as object)) out.push(...keyPaths(file, inner, `${p}.*`));
    } else out.push(...keyPaths(file, v, p));
  }
  return out;
}

describe('one vocabulary', () => {
  it('no Chinese word is written into a pattern in src/ (it belongs in grammars/)', () => {
    expect(hanPatterns().map((h) => `${h.where}  ${h.text}`)).toEqual([]);
  });

  it('every key of grammars/*.json is read by code outside src/grammars/', () => {
    const code = sources.filter((s) => !s.file.startsWith('src/grammars/')).map((s) => s.sf.text).join('\n');
    const read = (key: string) => new RegExp(`\\.${key}\\b|['"\`]${key}['"\`]`, 'u').test(code);
    const unread: string[] = [];
    for (const file of readdirSync(ROOT + 'grammars').filter((f) => f.endsWith('.json'))) {
      const table: unknown = JSON.parse(readFileSync(ROOT + 'grammars/' + file, 'utf8'));
      for (const { path, key } of keyPaths(file, table)) {
        if (EXPANDED_AT_BUILD.has(`${file}:${path}`)) continue;
        if (!read(key)) unread.push(`${file}:${path}`);
      }
    }
    expect(unread).toEqual([]);
  });

  it('knows the data maps and build-time keys it skips (they exist)', () => {
    const paths = new Set<string>();
    for (const file of readdirSync(ROOT + 'grammars').filter((f) => f.endsWith('.json'))) {
      for (const { path } of keyPaths(file, JSON.parse(readFileSync(ROOT + 'grammars/' + file, 'utf8')))) paths.add(`${file}:${path}`);
    }
    expect([...DATA_MAPS, ...EXPANDED_AT_BUILD].filter((p) => !paths.has(p))).toEqual([]);
  });
});

/**
 * Module-level `let`s in files that read the grammar, each with why it is not a grammar-derived cache.
 * Anything derived from the grammar is built with `derived()` / `memoString()` (src/grammars/compiled.ts),
 * so that two grammars in one process never share it.
 */
const LET_ALLOWLIST: Record<string, string> = {
  // The compiled form itself: the package grammar (loaded once) and the grammar of the parse running now.
  'src/grammars/compiled.ts packageGrammar': 'the mechanism',
  'src/grammars/compiled.ts active': 'the mechanism',
};

describe('no grammar-derived state at module level', () => {
  it('a file that imports the grammar keeps no module-level let', () => {
    const found: string[] = [];
    for (const { file, sf } of sources) {
      const importsGrammar = sf.statements.some(
        (s) => (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) && /(^|\/)grammars\//u.test(s.moduleSpecifier.text),
      );
      const inGrammars = file.startsWith('src/grammars/');
      if (!importsGrammar && !inGrammars) continue;
      for (const s of sf.statements) {
        // `let` and `var` (a `const` binding cannot be reassigned a cache; what it holds is checked by review).
        if (!ts.isVariableStatement(s) || s.declarationList.flags & ts.NodeFlags.Const) continue;
        for (const d of s.declarationList.declarations) {
          const name = d.name.getText(sf);
          if (LET_ALLOWLIST[`${file} ${name}`] === undefined) found.push(`${file}:${sf.getLineAndCharacterOfPosition(d.getStart(sf)).line + 1} ${name}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
