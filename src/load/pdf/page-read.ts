import type { PDFPageProxy, TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { right, type PageContent, type Rule, type Run } from './geometry.js';
import { groupByBaseline } from './items-to-lines.js';
import type { Pdfjs } from './pdfjs.js';
import { rulesFromOperators } from './rules.js';
import { itemsToRuns, type TextItemLike } from './runs.js';

/** Text this far apart (em) on one baseline may sit in two table cells (cell padding ≈ 0.9 em). */
const CELL_HINT_GAP = 0.8;
/** Gaps of two rows that share this much width (em) may be one column boundary. */
const MIN_SHARED_GAP = 0.3;

/**
 * Read what layout needs from one page: text runs and drawn rules, moved so the page's view box
 * starts at (0, 0). The operator list (rules, images) costs about as much as the text, so it is
 * only fetched when it can matter (see mayNeedOperators), or after a page that ended in a table
 * (does it continue?). A page without text gets none here: whether it is a scan is asked later,
 * and only where the answer changes the result (see pageHasImages).
 */
export async function readPage(page: PDFPageProxy, pdfjs: Pdfjs, tableContinues: boolean): Promise<PageContent> {
  const [vx0 = 0, vy0 = 0, vx1 = 0, vy1 = 0] = page.view;
  const text = await page.getTextContent();
  const items: TextItemLike[] = text.items.filter((i): i is TextItem => 'str' in i);
  const runs = itemsToRuns(items, { x: vx0, y: vy0 });
  let rules: Rule[] = [];
  let hasImages: boolean | null = null;
  if (tableContinues || mayNeedOperators(runs)) {
    const ops = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
    const found = rulesFromOperators(ops.fnArray, ops.argsArray, pdfjs.OPS);
    rules = found.rules.map((r) => ({ x0: r.x0 - vx0, x1: r.x1 - vx0, y0: r.y0 - vy0, y1: r.y1 - vy0 }));
    hasImages = found.hasImages;
  }
  return { width: Math.abs(vx1 - vx0), height: Math.abs(vy1 - vy0), runs, rules, hasImages };
}

/**
 * Whether a page paints an image (a scan, when it has no text). Only the operator list tells, and
 * building it decodes every image on the page in full: ~0.1 s for one A4 page scanned at 300 dpi.
 */
export async function pageHasImages(page: PDFPageProxy, pdfjs: Pdfjs): Promise<boolean> {
  const ops = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
  return rulesFromOperators(ops.fnArray, ops.argsArray, pdfjs.OPS).hasImages;
}

/**
 * Whether the drawn rules of a page can matter: it has text that could sit in table columns (a page
 * without text has no table to read). A column boundary leaves a wide gap on every row at the same
 * place, so two baselines with overlapping gaps are required: one spread-out line (主席：… then 紀錄：… on the same
 * line, justified Latin text) is not a table. Sweep over the gaps sorted by left edge, comparing
 * each with the furthest-reaching one before it (gaps of one baseline never overlap each other).
 */
export function mayNeedOperators(runs: readonly Run[]): boolean {
  const groups = groupByBaseline(runs);
  if (groups.length === 0) return false;
  const gaps: { left: number; right: number; size: number }[] = [];
  for (const g of groups) {
    const visible = g.filter((r) => !r.blank);
    for (let i = 1; i < visible.length; i++) {
      const r = visible[i]!;
      const left = right(visible[i - 1]!);
      if (r.x - left >= CELL_HINT_GAP * r.size) gaps.push({ left, right: r.x, size: r.size });
    }
  }
  gaps.sort((a, b) => a.left - b.left);
  let reach = -Infinity;
  for (const gap of gaps) {
    if (reach - gap.left >= MIN_SHARED_GAP * gap.size) return true;
    reach = Math.max(reach, gap.right);
  }
  return false;
}
