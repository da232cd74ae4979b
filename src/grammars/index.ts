/**
 * The grammar: the language knowledge of grammars/*.json, validated (build.ts), extended by overlays
 * (tables.ts), and compiled once per grammar object into the patterns and caches the stages read
 * (compiled.ts).
 */
export { GrammarError, alternation, charClass, escapeRegExp } from './load.js';
export { buildGrammar, extendGrammar, loadGrammar, type Grammar, type HeadingFamily } from './build.js';
export { GRAMMAR_FILES, readGrammarOverlay, type GrammarFile, type GrammarTables, type GrammarOverlay } from './tables.js';
export { grammar, defaultGrammar, withGrammar, derived, memoString } from './compiled.js';
export { alternation as alt } from './load.js';

/** Colon in both widths, as grammars write one and documents write either. */
export const COLON = '[:：]';
export const OPEN = '[(（]';
export const CLOSE = '[)）]';
