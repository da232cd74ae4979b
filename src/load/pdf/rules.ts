import type { Rule } from './geometry.js';

/** The pdfjs operator codes this module reads (from `pdfjs.OPS`). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
}

type Matrix = [number, number, number, number, number, number];

/** pdfjs path buffer opcodes (`DrawOPS`): moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4. */
const MOVE = 0, LINE = 1, CURVE = 2, QUAD = 3, CLOSE = 4;
/** A rule is straight within this many points, and a filled "rule" is at most this thick. */
const STRAIGHT = 1;
const THIN = 3;
const MIN_LENGTH = 4;

/**
 * Drawn horizontal and vertical lines of a page, in page space, from `page.getOperatorList()`.
 * pdfjs 5 folds path operators into `constructPath [paintOp, [Float32Array path], minMax]`, with
 * coordinates in the current transformation matrix, so the CTM is tracked through save/restore/cm.
 * Stroked segments count; filled paths count only when thin (Word draws cell borders as thin filled boxes).
 */
export function rulesFromOperators(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: OpCodes): { rules: Rule[]; hasImages: boolean } {
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const rules: Rule[] = [];
  let hasImages = false;
  const stroking = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const filling = new Set([ops.fill, ops.eoFill]);
  const images = new Set([ops.paintImageXObject, ops.paintInlineImageXObject, ops.paintImageMaskXObject]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args) ctm = multiply(args as Matrix, ctm);
    else if (images.has(fn)) hasImages = true;
    else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      const path = (args[1] as unknown[] | undefined)?.[0];
      if (!(path instanceof Float32Array)) continue;
      if (stroking.has(paint)) rules.push(...segments(path, ctm));
      else if (filling.has(paint)) rules.push(...thinBoxes(path, ctm));
    }
  }
  return { rules, hasImages };
}

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Straight axis-aligned segments of a stroked path. */
function segments(path: Float32Array, ctm: Matrix): Rule[] {
  const out: Rule[] = [];
  let start: [number, number] | null = null;
  let cur: [number, number] | null = null;
  for (let k = 0; k < path.length; ) {
    const op = path[k++];
    if (op === MOVE) {
      cur = start = apply(ctm, path[k]!, path[k + 1]!);
      k += 2;
    } else if (op === LINE || op === CLOSE) {
      const next: [number, number] | null = op === LINE ? apply(ctm, path[k]!, path[k + 1]!) : start;
      if (op === LINE) k += 2;
      if (cur && next) pushStraight(out, cur, next);
      cur = next;
    } else if (op === CURVE) {
      cur = apply(ctm, path[k + 4]!, path[k + 5]!);
      k += 6;
    } else if (op === QUAD) {
      cur = apply(ctm, path[k + 2]!, path[k + 3]!);
      k += 4;
    } else break; // unknown opcode: stop rather than misread the buffer
  }
  return out;
}

function pushStraight(out: Rule[], a: [number, number], b: [number, number]): void {
  const [x0, y0] = a;
  const [x1, y1] = b;
  if (Math.abs(y1 - y0) <= STRAIGHT && Math.abs(x1 - x0) >= MIN_LENGTH) {
    const y = (y0 + y1) / 2;
    out.push({ x0: Math.min(x0, x1), x1: Math.max(x0, x1), y0: y, y1: y });
  } else if (Math.abs(x1 - x0) <= STRAIGHT && Math.abs(y1 - y0) >= MIN_LENGTH) {
    const x = (x0 + x1) / 2;
    out.push({ x0: x, x1: x, y0: Math.min(y0, y1), y1: Math.max(y0, y1) });
  }
}

/** A filled path whose box is thin in one direction is a rule along the other. */
function thinBoxes(path: Float32Array, ctm: Matrix): Rule[] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let k = 0; k < path.length; ) {
    const op = path[k++];
    const n = op === MOVE || op === LINE ? 2 : op === CURVE ? 6 : op === QUAD ? 4 : op === CLOSE ? 0 : -1;
    if (n < 0) break;
    for (let j = 0; j < n; j += 2) {
      const [x, y] = apply(ctm, path[k + j]!, path[k + j + 1]!);
      minX = Math.min(minX, x); maxX = Math.max(maxX, x);
      minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
    k += n;
  }
  const w = maxX - minX;
  const h = maxY - minY;
  if (h <= THIN && w >= MIN_LENGTH) return [{ x0: minX, x1: maxX, y0: (minY + maxY) / 2, y1: (minY + maxY) / 2 }];
  if (w <= THIN && h >= MIN_LENGTH) return [{ x0: (minX + maxX) / 2, x1: (minX + maxX) / 2, y0: minY, y1: maxY }];
  return [];
}
