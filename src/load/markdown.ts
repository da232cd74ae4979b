import type { LoadedSource } from './types.js';

/** PLACEHOLDER until the Markdown loader lands (issue 4): reads Markdown as plain text. */
export function loadMarkdown(text: string): LoadedSource {
  return { format: 'markdown', text: text.replace(/\r\n?/g, '\n'), pages: null, pageStarts: [], diagnostics: [] };
}
