import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export interface FoundRegex {
  source: string;
  flags: string;
  where: string;
}

export function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every regular-expression literal in the TypeScript sources under `dir`, found with the TypeScript scanner. */
export function regexLiterals(dir: string): FoundRegex[] {
  const out: FoundRegex[] = [];
  for (const file of walk(dir)) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const end = text.lastIndexOf('/');
        out.push({ source: text.slice(1, end), flags: text.slice(end + 1), where: `${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/**
 * Record every RegExp built at run time (grammar tables compiled into patterns) while `run` executes:
 * the global constructor is wrapped, calls pass through unchanged.
 */
export async function regexesBuiltDuring(run: () => Promise<void> | void): Promise<FoundRegex[]> {
  const Original = globalThis.RegExp;
  const seen: FoundRegex[] = [];
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args: [string | RegExp, string?]) {
      const re = new target(...args);
      seen.push({ source: re.source, flags: re.flags, where: 'built at run time' });
      return re;
    },
    apply(target, _this, args: [string | RegExp, string?]) {
      return target(...args);
    },
  });
  try {
    await run();
  } finally {
    globalThis.RegExp = Original;
  }
  return seen;
}
