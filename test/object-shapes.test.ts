import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/index.js';
import { copyWith } from '../src/util/objects.js';
import type { Person } from '../src/types.js';
import { ROOT, parseSample } from './helpers.js';
import { walk } from './regex-collect.js';

// V8's own check of whether two objects share a hidden class (see src/util/objects.ts for why it matters).
setFlagsFromString('--allow-natives-syntax');
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
const shapes = (objects: readonly object[]): number => {
  const distinct: object[] = [];
  for (const o of objects) if (!distinct.some((d) => haveSameMap(d, o))) distinct.push(o);
  return distinct.length;
};

describe('objects keep one hidden class (src/util/objects.ts)', () => {
  it('no object literal in src/ starts with a spread and then sets fields', () => {
    const found: string[] = [];
    for (const file of walk(ROOT + 'src')) {
      const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (ts.isObjectLiteralExpression(node) && node.properties.length > 1 && ts.isSpreadAssignment(node.properties[0]!)) {
          found.push(`${file.slice(ROOT.length)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}: ${node.getText(sf).slice(0, 60)}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    expect(found).toEqual([]);
  });

  it('copyWith gives every copy the same shape, with the fields of a spread', () => {
    const people: Person[] = Array.from({ length: 200 }, (_, i) => ({ name: `王${i}`, surname: '王', title: '委員', org: i % 2 ? null : '臺北市政府', raw: `王委員${i}` }));
    const copies = people.map((p) => copyWith(p, { org: p.org ?? '外交部', note: '代理' }));
    expect(shapes(copies)).toBe(1);
    expect(copies[1]).toEqual({ ...people[1], org: '外交部', note: '代理' });
    expect(Object.keys(copies[0]!)).toEqual(['name', 'surname', 'title', 'org', 'raw', 'note']);
  });

  it('attendees, speeches and rulings of a document each share one shape', () => {
    const doc = parseSample('mofa-2018-107-1.txt');
    expect(doc.attendees.length).toBeGreaterThan(20);
    expect(shapes(doc.attendees)).toBe(1);
    expect(doc.speeches.length).toBeGreaterThan(3);
    expect(shapes(doc.speeches)).toBe(1);
    expect(shapes(doc.rulings)).toBe(1);
  });

  it('a PDF table document: attendees from the ruled table share one shape', async () => {
    const doc = await parseFile(ROOT + 'test/fixtures/pdf/mofa-2021-110-1-attendance-table.pdf');
    expect(doc.attendees.length).toBeGreaterThan(30);
    expect(shapes(doc.attendees)).toBe(1);
  });

  it('PDF layout: the lines of a page share one shape, also where columns and tables were rebuilt', async () => {
    const { openPdf } = await import('../src/load/pdf/open.js');
    const { readPage } = await import('../src/load/pdf/page-read.js');
    const { layoutPage } = await import('../src/load/pdf/page-layout.js');
    const { loadPdfjs } = await import('../src/load/pdf/pdfjs.js');
    const pdfjs = await loadPdfjs();
    for (const name of ['two-column.pdf', 'unruled-table.pdf', 'table-across-pages.pdf', 'mofa-2018-107-1.pdf']) {
      const doc = await openPdf(new Uint8Array(readFileSync(ROOT + 'test/fixtures/pdf/' + name)), 0);
      let carry: number[] | null = null;
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const layout = layoutPage(await readPage(page, pdfjs, carry !== null), carry);
        carry = layout.carryXs;
        expect(layout.lines.length, `${name} p.${n}`).toBeGreaterThan(0);
        expect(shapes(layout.lines), `${name} p.${n}`).toBe(1);
      }
      await doc.destroy();
    }
  });
});
