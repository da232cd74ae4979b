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

/** Builds an output text piece by piece, recording where each piece came from. */
export class MappedBuilder {
  private parts: string[] = [];
  private origins: number[] = [];
  private length = 0;

  /** Copy input[from, to) unchanged. */
  copy(input: string, from: number, to: number): void {
    if (to <= from) return;
    this.parts.push(input.slice(from, to));
    for (let i = from; i < to; i++) this.origins.push(i);
    this.length += to - from;
  }

  /** Emit `out` in place of input[from, to): every unit of `out` maps to `from` (or from + k when lengths agree). */
  replace(out: string, from: number, to: number): void {
    if (out.length === 0) return;
    this.parts.push(out);
    const same = out.length === to - from;
    for (let k = 0; k < out.length; k++) this.origins.push(same ? from + k : from);
    this.length += out.length;
  }

  build(inputLength: number): MappedText {
    const origin = new Int32Array(this.length + 1);
    origin.set(this.origins);
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
