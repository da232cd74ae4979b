import type { Grammar } from '../grammars/index.js';

/** The option every command that reads documents (or names in them) takes. */
export const GRAMMAR_OPTION = { grammar: { type: 'string' } } as const;

/**
 * The grammar of `--grammar DIR`: the package's own extended by the overlay folder DIR (see docs/grammar.md);
 * null when the option is not given; false after one line on stderr saying which file and key is wrong
 * (the caller exits 2, as for any other bad argument).
 */
export async function grammarOption(dir: string | undefined, command: string, stderr: (line: string) => void): Promise<Grammar | null | false> {
  if (dir === undefined) return null;
  // Imported here, not at the top: every command's module loads at CLI start.
  const { defaultGrammar, extendGrammar, readGrammarOverlay, GrammarError } = await import('../grammars/index.js');
  try {
    return extendGrammar(defaultGrammar(), readGrammarOverlay(dir));
  } catch (e) {
    if (e instanceof GrammarError) stderr(`twminutes ${command}: --grammar: ${e.message}`);
    else stderr(`twminutes ${command}: --grammar ${dir}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return false;
  }
}
