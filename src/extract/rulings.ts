import { grammar } from '../grammars/index.js';
import type { ExtractContext } from './context.js';
import type { Block } from './blocks.js';
import { blockText, topItems } from './block-text.js';
import type { RulingDraft } from './records.js';

/** Rulings from ruling blocks: label as written, kind from the label table, top-level items. */
export function buildRulings(ctx: ExtractContext, blocks: readonly Block[]): RulingDraft[] {
  const labels = grammar().records.rulingLabels;
  const out: RulingDraft[] = [];
  for (const b of blocks) {
    if (b.kind !== 'ruling') continue;
    const line = ctx.lines[b.line]!;
    const kind = labels.find((l) => l.label === b.label)?.kind ?? (b.sectionHeading ? 'resolution' : 'chair-ruling');
    out.push({
      id: `r${out.length + 1}`,
      headingId: (b.heading ? b.heading.parent : null) ?? b.sectionHeading?.id ?? b.scope?.id ?? null,
      kind,
      label: b.label,
      text: blockText(ctx, b),
      items: topItems(ctx, b).map((i) => i.text),
      rule: b.rule,
      span: { start: line.start, end: ctx.lines[b.lastLine]!.end, line: line.index + 1, page: line.page },
    });
  }
  return out;
}
