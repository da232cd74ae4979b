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
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    text = new TextDecoder(utf16).decode(bytes.subarray(2));
    diagnostics.push({ severity: 'info', code: 'encoding-utf16', message: `The file is not UTF-8; it was read as ${utf16.toUpperCase()} (from its byte-order mark).` });
  } else {
    text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
    const bad = countChar(text, '\uFFFD');
    if (bad > 0) {
      // Big5 is the other encoding Taiwanese documents come in; try it before giving up. GB18030 only
      // when the bytes say so with confidence (see looksGb18030): both decode most double-byte text.
      const gb = looksGb18030(bytes) ? tryDecode(bytes, 'gb18030') : null;
      const big5 = tryDecode(bytes, 'big5');
      if (gb !== null && countChar(gb, '\uFFFD') === 0) {
        text = gb;
        diagnostics.push({ severity: 'info', code: 'encoding-gb18030', message: 'The file is not UTF-8; it was read as GB18030.' });
      } else if (big5 !== null && countChar(big5, '\uFFFD') < bad) {
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

/**
 * GB text by its byte statistics, against Big5 (both decode most double-byte text without error):
 * Big5 leaves lead bytes 0x81–0xA0 to user-defined characters, while GBK puts traditional characters
 * there (over 10 % of a traditional text's characters); and simplified GB2312 text never has a trail
 * byte in 0x40–0x7E, which about 40 % of Big5 characters have. With at least 20 double-byte
 * characters: over 5 % low leads, or under 2 % low trails, is GB.
 */
function looksGb18030(bytes: Uint8Array): boolean {
  let pairs = 0;
  let lowLead = 0;
  let lowTrail = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    const b = bytes[i]!;
    if (b < 0x81 || b === 0xff) continue;
    const t = bytes[i + 1]!;
    if (t >= 0x30 && t <= 0x39) {
      i += 3; // a GB18030 four-byte sequence
      continue;
    }
    pairs++;
    if (b <= 0xa0) lowLead++;
    if (t >= 0x40 && t <= 0x7e) lowTrail++;
    i++;
  }
  return pairs >= 20 && (lowLead / pairs > 0.05 || lowTrail / pairs < 0.02);
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
