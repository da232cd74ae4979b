/**
 * Text with an offset map back to the text it was made from.
 * `origin[i]` is the offset in the input of output code unit i; `origin[text.length]` is the input length,
 * so a span [s, e) of the output maps to [origin[s], origin[e]) of the input.
 */
export interface MappedText {
  text: string;
  origin: Int32Array;
}

export function identity(text: string): MappedText {
  const origin = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) origin[i] = i;
  return { text, origin };
}

/**
 * Builds an output text piece by piece, recording where each piece came from. A piece's origins are
 * written out once, in build(): pushing one number per code unit as pieces arrive cost an eighth of
 * all parsing time.
 */
export class MappedBuilder {
  private parts: string[] = [];
  /** Per piece: the input offset it came from, and whether its units follow the input one by one (1) or all map to that offset (0). */
  private froms: number[] = [];
  private steps: number[] = [];
  private length = 0;

  /** Copy input[from, to) unchanged. */
  copy(input: string, from: number, to: number): void {
    if (to <= from) return;
    this.push(input.slice(from, to), from, 1);
  }

  /** Emit `out` in place of input[from, to): every unit of `out` maps to `from` (or from + k when lengths agree). */
  replace(out: string, from: number, to: number): void {
    if (out.length === 0) return;
    this.push(out, from, out.length === to - from ? 1 : 0);
  }

  private push(piece: string, from: number, step: number): void {
    this.parts.push(piece);
    this.froms.push(from);
    this.steps.push(step);
    this.length += piece.length;
  }

  build(inputLength: number): MappedText {
    const origin = new Int32Array(this.length + 1);
    let at = 0;
    for (let p = 0; p < this.parts.length; p++) {
      const n = this.parts[p]!.length;
      const from = this.froms[p]!;
      const step = this.steps[p]!;
      for (let k = 0; k < n; k++) origin[at++] = from + step * k;
    }
    origin[this.length] = inputLength;
    return { text: this.parts.join(''), origin };
  }
}

/** Compose two stages: `second` was made from `first.text`; the result maps to `first`'s input. */
export function compose(first: MappedText, second: MappedText): MappedText {
  const origin = new Int32Array(second.origin.length);
  for (let i = 0; i < origin.length; i++) origin[i] = first.origin[second.origin[i]!]!;
  return { text: second.text, origin };
}
