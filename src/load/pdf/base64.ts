import { types } from 'node:util';

/**
 * `Uint8Array.prototype.toBase64` (TC39 "ArrayBuffer to/from base64", in engines since 2025) done
 * by Node's native encoder. Node 20 lacks the method, so pdfjs's legacy build adds core-js's, which
 * builds the string three bytes at a time; pdfjs calls it on every font it hands its display side
 * (an @font-face rule per font on each page whose operator list we read): 4 % of a PDF's load.
 */
export function toBase64(this: Uint8Array, ...args: [options?: { alphabet?: unknown; omitPadding?: unknown }]): string {
  const options = args[0]; // a rest parameter keeps the method's length 0, as specified
  if (!types.isUint8Array(this)) throw new TypeError('Uint8Array.prototype.toBase64 called on a value that is not a Uint8Array');
  if (options !== undefined && (options === null || (typeof options !== 'object' && typeof options !== 'function'))) {
    throw new TypeError('toBase64: options must be an object');
  }
  const alphabet = options?.alphabet === undefined ? 'base64' : options.alphabet;
  if (alphabet !== 'base64' && alphabet !== 'base64url') throw new TypeError('toBase64: alphabet must be "base64" or "base64url"');
  const omitPadding = Boolean(options?.omitPadding);
  if (isDetached(this.buffer)) throw new TypeError('toBase64: the ArrayBuffer is detached');
  // Node's base64 pads and its base64url does not; the method pads both unless told not to.
  const encoded = Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString(alphabet);
  const padding = (3 - (this.byteLength % 3)) % 3;
  if (alphabet === 'base64') return omitPadding ? encoded.slice(0, encoded.length - padding) : encoded;
  return omitPadding ? encoded : encoded + '='.repeat(padding);
}

/** Node 20 has no `ArrayBuffer#detached`; there, only a detached buffer of length 0 refuses `slice`. */
function isDetached(buffer: ArrayBufferLike): boolean {
  const detached = (buffer as { detached?: boolean }).detached;
  if (typeof detached === 'boolean') return detached;
  if (buffer.byteLength !== 0 || !types.isArrayBuffer(buffer)) return false;
  try {
    buffer.slice(0, 0);
    return false;
  } catch {
    return true;
  }
}
