import { readdirSync, readFileSync, statSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT, parseSample } from './helpers.js';

const readme = readFileSync(ROOT + 'README.md', 'utf8');

describe('README', () => {
  it('starts with the three newcomer commands', () => {
    const block = /```sh\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(block.split('\n').filter(Boolean).map((l) => l.split('#')[0]!.trim())).toEqual(['npm install', 'npm run parse -- samples/mofa-2021-110-1.txt --pretty', 'npm test']);
  });

  it('its JSON example is what the parser returns for that sample', () => {
    const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(readme)![1]!.replace(/"message": "([^"]|\\")*…"/g, '"message": ""'));
    const doc = parseSample('moea-2021-7-1.txt');
    expect(doc.title).toBe(example.title);
    // Abridged: what the example shows is what the parser returns (fields it leaves out, e.g. evidence, exist).
    expect(doc.meeting).toMatchObject(example.meeting);
    expect(doc.actions[0]).toEqual(example.actions[0]);
    expect(doc.diagnostics.find((d) => d.code === example.diagnostics[0].code)?.severity).toBe(example.diagnostics[0].severity);
  });

  it('documents every diagnostic and error code the source can emit', () => {
    // Every source file, so a code added anywhere must be documented (docs/output.md or docs/archives.md).
    const docs = ['README.md', ...readdirSync(ROOT + 'docs').filter((f) => f.endsWith('.md')).map((f) => 'docs/' + f)].map((f) => readFileSync(ROOT + f, 'utf8')).join('\n');
    const codes = emittedCodes(ROOT + 'src');
    // Codes written in each way the source writes one, so the collector cannot silently miss a form:
    // `code: '…'`, both branches of `code: a ? '…' : '…'`, a named constant, a class field, a union type,
    // and an error class's `code` argument.
    for (const c of ['internal-error', 'kind-minutes', 'kind-other', 'ocr-low-confidence', 'ocr-page', 'worker-start-failed', 'not-jsonl', 'not-text', 'pdf-encrypted']) expect(codes).toContain(c);
    expect(codes.length).toBeGreaterThan(40);
    const undocumented = codes.filter((c) => !docs.includes('`' + c + '`') && !docs.includes(c + '`'));
    expect(undocumented).toEqual([]);
  });

  it('the code collector finds codes in every form (checked on a made-up source)', () => {
    const found = codesIn(
      'x.ts',
      `const X_FAILED = 'x-failed';
       class FooError extends Error { constructor(readonly code: string, m: string) { super(m); } }
       class Bar { readonly code = 'bar-field'; }
       function warn(where: number, code: string) {}
       interface E { code: 'union-a' | 'union-b' }
       const a = { code: 'plain' }, b = { code: ok ? 'yes-branch' : 'no-branch' }, c = { code: X_FAILED };
       e.code = 'assigned';
       throw new FooError('thrown', 'm'); warn(3, 'via-helper'); const notACode = { kind: 'other-thing' };`,
    );
    expect(found.sort()).toEqual(['assigned', 'bar-field', 'no-branch', 'plain', 'thrown', 'union-a', 'union-b', 'via-helper', 'x-failed', 'yes-branch']);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(dir + '/' + f).isDirectory() ? sourceFiles(dir + '/' + f) : f.endsWith('.ts') ? [dir + '/' + f] : []));
}

/** Every code the sources under `dir` can emit (see codesIn). */
function emittedCodes(dir: string): string[] {
  const files = sourceFiles(dir).map((f) => [f, readFileSync(f, 'utf8')] as const);
  // Constants, functions and error classes are looked up across files (a code may be defined in one, used in another).
  const all = files.map(([, text]) => text).join('\n;\n');
  return [...new Set(codesIn('src', all))].sort();
}

/**
 * The codes a TypeScript source can emit, read from its syntax tree: the value of every `code` property
 * (object literal, class field, `x.code = …`, a property type's string literals), each branch of a
 * conditional, a constant by its value, and the argument in the `code` position of a call to any function
 * or class constructor whose parameter is named `code`.
 */
function codesIn(name: string, text: string): string[] {
  const sf = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
  const constants = new Map<string, string>();
  const codeParam = new Map<string, number>();
  const nodes: ts.Node[] = [];
  const collect = (n: ts.Node) => {
    nodes.push(n);
    ts.forEachChild(n, collect);
  };
  collect(sf);
  const isCode = (p: ts.ParameterDeclaration) => ts.isIdentifier(p.name) && p.name.text === 'code';
  for (const n of nodes) {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && ts.isStringLiteralLike(n.initializer)) constants.set(n.name.text, n.initializer.text);
    if ((ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n)) && n.name) {
      const params = ts.isClassDeclaration(n) ? n.members.find(ts.isConstructorDeclaration)?.parameters : n.parameters;
      const at = params?.findIndex(isCode) ?? -1;
      if (at >= 0) codeParam.set(n.name.text, at);
    }
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer))) {
      const at = n.initializer.parameters.findIndex(isCode);
      if (at >= 0) codeParam.set(n.name.text, at);
    }
  }
  const out: string[] = [];
  const values = (e: ts.Expression | undefined): void => {
    if (!e) return;
    if (ts.isStringLiteralLike(e)) out.push(e.text);
    else if (ts.isConditionalExpression(e)) (values(e.whenTrue), values(e.whenFalse));
    else if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) values(e.expression);
    else if (ts.isBinaryExpression(e) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(e.operatorToken.kind)) (values(e.left), values(e.right));
    else if (ts.isIdentifier(e) && constants.has(e.text)) out.push(constants.get(e.text)!);
  };
  const named = (n: ts.PropertyName | ts.BindingName) => ts.isIdentifier(n) && n.text === 'code';
  for (const n of nodes) {
    if (ts.isPropertyAssignment(n) && named(n.name)) values(n.initializer);
    else if (ts.isPropertyDeclaration(n) && named(n.name)) values(n.initializer);
    else if (ts.isPropertySignature(n) && named(n.name) && n.type) {
      const types = ts.isUnionTypeNode(n.type) ? n.type.types : [n.type];
      for (const t of types) if (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)) out.push(t.literal.text);
    } else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(n.left) && n.left.name.text === 'code') values(n.right);
    else if ((ts.isCallExpression(n) || ts.isNewExpression(n)) && ts.isIdentifier(n.expression) && codeParam.has(n.expression.text)) values(n.arguments?.[codeParam.get(n.expression.text)!]);
  }
  return out;
}
