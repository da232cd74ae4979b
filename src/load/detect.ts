import { createRequire } from 'node:module';
import { extname } from 'node:path';
import type { SourceFormat } from '../types.js';

/** What a file is: a format we read, or the name of one we do not (for the `unsupported-format` error). */
export type Detected = { format: SourceFormat } | { unsupported: string };

/** Extensions of formats that are read, and of formats recognised only to be refused by name. */
const BY_EXTENSION: Readonly<Record<string, SourceFormat>> = {
  '.pdf': 'pdf',
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
  '.odt': 'odt',
  '.doc': 'doc',
  '.akn': 'akn',
};

const UNSUPPORTED_EXTENSIONS: Readonly<Record<string, string>> = {
  '.xlsx': 'Excel spreadsheet (.xlsx)',
  '.xls': 'Excel spreadsheet (.xls)',
  '.ods': 'OpenDocument spreadsheet (.ods)',
  '.csv': 'CSV table (.csv)',
  '.pptx': 'PowerPoint presentation (.pptx)',
  '.ppt': 'PowerPoint presentation (.ppt)',
  '.odp': 'OpenDocument presentation (.odp)',
  '.rtf': 'RTF document (.rtf)',
  '.png': 'PNG image',
  '.jpg': 'JPEG image',
  '.jpeg': 'JPEG image',
  '.gif': 'GIF image',
  '.tif': 'TIFF image',
  '.tiff': 'TIFF image',
  '.bmp': 'BMP image',
  '.webp': 'WebP image',
  '.zip': 'ZIP archive',
  '.rar': 'RAR archive',
  '.7z': '7-Zip archive',
  '.gz': 'gzip archive',
};

/** Every extension a directory walk should pick up: the formats read, and the ones refused by name (so a batch reports them). */
export const KNOWN_EXTENSIONS: readonly string[] = [...Object.keys(BY_EXTENSION), ...Object.keys(UNSUPPORTED_EXTENSIONS), '.xml'];

/** Leading bytes of binary formats that are never minutes text. */
const BINARY_MAGIC: readonly [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'PNG image'],
  [[0xff, 0xd8, 0xff], 'JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF image'],
  [[0x49, 0x49, 0x2a, 0x00], 'TIFF image'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'TIFF image'],
  [[0x1f, 0x8b], 'gzip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7-Zip archive'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'RTF document'],
];

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * The format of a file: magic bytes first (a PDF named .txt is still a PDF; a .docx is a zip holding
 * `word/document.xml`), then the extension. Markup is told apart by its root element: `<akomaNtoso>`
 * is Akoma Ntoso, `<html>` HTML; other XML is refused.
 */
export function detect(bytes: Uint8Array, name: string | null): Detected {
  const ext = name ? extname(name).toLowerCase() : '';
  if (isPdfMagic(bytes)) return { format: 'pdf' };
  if (startsWith(bytes, ZIP)) return detectZip(bytes, ext);
  if (startsWith(bytes, OLE2)) return isWordOle(bytes) ? { format: 'doc' } : { unsupported: UNSUPPORTED_EXTENSIONS[ext] ?? 'OLE2 compound file that is not a Word document (Excel, PowerPoint?)' };
  for (const [magic, what] of BINARY_MAGIC) if (startsWith(bytes, magic)) return { unsupported: what };
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && latin1(bytes, 8, 12) === 'WEBP') return { unsupported: 'WebP image' };
  const markup = markupKind(bytes);
  if (markup === 'akn' || markup === 'html') return { format: markup };
  if (markup === 'xml') return { unsupported: 'XML that is not Akoma Ntoso or XHTML' };
  const known = BY_EXTENSION[ext];
  if (known) return { format: known };
  const refused = UNSUPPORTED_EXTENSIONS[ext];
  if (refused) return { unsupported: refused };
  return { format: 'text' };
}

function isPdfMagic(bytes: Uint8Array): boolean {
  // The header may be preceded by junk within the first 1024 bytes (PDF 1.7 § 7.5.2 implementations allow it).
  return latin1(bytes, 0, 1024).includes('%PDF-');
}

const require = createRequire(import.meta.url);

/** A zip by what it holds: Word (`word/document.xml`), ODF text (its `mimetype` entry), or something else. */
function detectZip(bytes: Uint8Array, ext: string): Detected {
  const names: string[] = [];
  let mimetype: string | null = null;
  try {
    // fflate loads only when a zip shows up.
    const { unzipSync } = require('fflate') as typeof import('fflate');
    const files = unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return f.name === 'mimetype' && f.originalSize < 200;
      },
    });
    if (files.mimetype) mimetype = new TextDecoder().decode(files.mimetype).trim();
  } catch {
    return { unsupported: UNSUPPORTED_EXTENSIONS[ext] ?? 'damaged ZIP archive' };
  }
  if (names.includes('word/document.xml')) return { format: 'docx' };
  if (mimetype === 'application/vnd.oasis.opendocument.text') return { format: 'odt' };
  if (names.includes('xl/workbook.xml')) return { unsupported: 'Excel spreadsheet (.xlsx)' };
  if (names.includes('ppt/presentation.xml')) return { unsupported: 'PowerPoint presentation (.pptx)' };
  if (mimetype?.startsWith('application/vnd.oasis.opendocument.')) return { unsupported: `OpenDocument file of type ${mimetype.slice('application/vnd.oasis.opendocument.'.length)}` };
  return { unsupported: UNSUPPORTED_EXTENSIONS[ext] ?? 'ZIP archive' };
}

/** A compound file holding a `WordDocument` stream (its directory names are UTF-16LE). */
function isWordOle(bytes: Uint8Array): boolean {
  const needle = Buffer.from('WordDocument', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/** The root element of a markup file, from its first 4 KB (after a BOM, XML declaration, comments, doctype). */
function markupKind(bytes: Uint8Array): 'akn' | 'html' | 'xml' | null {
  const head = headText(bytes);
  const start = /^\s*</.exec(head);
  if (!start) return null;
  if (/<akomaNtoso[\s>]/.test(head)) return 'akn';
  if (/<(?:!doctype\s+html|html[\s>])/i.test(head)) return 'html';
  if (/^\s*<\?xml[\s?]/.test(head)) return 'xml';
  return null;
}

function headText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 4096);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head.subarray(2));
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head.subarray(2));
  return new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function latin1(bytes: Uint8Array, from: number, to: number): string {
  return new TextDecoder('latin1').decode(bytes.subarray(from, to));
}
