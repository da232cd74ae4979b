import type { PDFPageProxy, TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { PageContent, Rule, Run } from './geometry.js';
import type { Pdfjs } from './pdfjs.js';
import { rulesFromOperators } from './rules.js';
import { itemsToRuns, type TextItemLike } from './runs.js';

/**
 * Read what layout needs from one page: text runs and drawn rules, moved so the page's
 * view box starts at (0, 0). The operator list also tells whether the page paints images.
 */
export async function readPage(page: PDFPageProxy, pdfjs: Pdfjs): Promise<PageContent> {
  const [vx0 = 0, vy0 = 0, vx1 = 0, vy1 = 0] = page.view;
  const text = await page.getTextContent();
  const items: TextItemLike[] = text.items.filter((i): i is TextItem => 'str' in i);
  const ops = await page.getOperatorList();
  const { rules, hasImages } = rulesFromOperators(ops.fnArray, ops.argsArray, pdfjs.OPS);
  const shiftRun = (r: Run): Run => ({ ...r, x: r.x - vx0, y: r.y - vy0 });
  const shiftRule = (r: Rule): Rule => ({ x0: r.x0 - vx0, x1: r.x1 - vx0, y0: r.y0 - vy0, y1: r.y1 - vy0 });
  return {
    width: Math.abs(vx1 - vx0),
    height: Math.abs(vy1 - vy0),
    runs: itemsToRuns(items).map(shiftRun),
    rules: rules.map(shiftRule),
    hasImages,
  };
}
