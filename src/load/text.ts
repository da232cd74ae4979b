import type { Diagnostic } from '../types.js';
import type { LoadedSource } from './types.js';
import { LoadError } from './types.js';

/** Share of control characters (other than tab, newline, CR, form feed) above which bytes are not text. */
const MAX_CONTROL_SHARE = 0.01;

/**
 * Decode bytes as text: UTF-8 (with or without BOM) or UTF-16 with a BOM.
 * Binary data is refused with `not-text` rather than parsed as mojibake.
 */
export function decodeText(bytes: Uint8Array): { text: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
    const bad = countChar(text, '\uFFFD');
    if (bad > 0) {
      // Big5 is the other encoding Taiwanese documents come in; try it before giving up.
      const big5 = tryDecode(bytes, 'big5');
      if (big5 !== null && countChar(big5, '\uFFFD') < bad) {
        text = big5;
        diagnostics.push({ severity: 'info', code: 'encoding-big5', message: 'The file is not UTF-8; it was read as Big5.' });
      } else {
        diagnostics.push({
          severity: 'warning',
          code: 'invalid-utf8',
          message: `${bad} byte sequence(s) are not valid UTF-8 and were replaced by U+FFFD; re-save the file as UTF-8.`,
        });
      }
    }
  }
  const control = countControl(text);
  if (text.length > 0 && (text.includes('\0') || control / text.length > MAX_CONTROL_SHARE)) {
    throw new LoadError('not-text', 'The file is binary data, not text; give a .txt, .md or .pdf document.');
  }
  return { text, diagnostics };
}

export function loadText(bytes: Uint8Array): LoadedSource {
  const { text, diagnostics } = decodeText(bytes);
  return { format: 'text', text: text.replace(/\r\n?/g, '\n'), pages: null, pageStarts: [], diagnostics };
}

function tryDecode(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return null;
  }
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

function countControl(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) n++;
  }
  return n;
}
