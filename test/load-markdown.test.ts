import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMarkdown } from '../src/load/markdown.js';

const root = join(import.meta.dirname, '..');
/** Non-blank lines, trailing spaces dropped (leading tabs are empty table cells and stay). */
const lines = (text: string): string[] => text.split('\n').map((l) => l.replace(/[ \u3000]+$/, '')).filter((l) => l.trim() !== '');

describe('loadMarkdown', () => {
  it('a Markdown conversion of mofa-2018-107-1 gives the lines of the text sample', () => {
    const md = readFileSync(join(root, 'test/fixtures/md/mofa-2018-107-1.md'), 'utf8');
    const txt = readFileSync(join(root, 'samples/mofa-2018-107-1.txt'), 'utf8');
    const src = loadMarkdown(md);
    expect(src).toMatchObject({ format: 'markdown', pages: null, pageStarts: [], diagnostics: [] });
    expect(lines(src.text)).toEqual(lines(txt).map((l) => (l.startsWith('\t') ? l : l.trim())));
  });

  it('strips heading markers and emphasis, keeps paragraphs apart', () => {
    const src = loadMarkdown('# 會議紀錄\n\n## 壹、主席致詞(略)\n\n**主席裁示**：同意*備查*，見[附件](a.pdf)。\n');
    expect(src.text).toBe('會議紀錄\n\n壹、主席致詞(略)\n\n主席裁示：同意備查，見附件。');
  });

  it('rebuilds ordered-list markers from the source and keeps bullets as written', () => {
    const src = loadMarkdown('1. 報告可同時提供英文版本。\n2. 報告內容宜更具體。\n\n- (三) 政治大學蕭副教授：建議\n- 1.關於補助經費\n\n3) 第三點\n');
    expect(lines(src.text)).toEqual(['1. 報告可同時提供英文版本。', '2. 報告內容宜更具體。', '- (三) 政治大學蕭副教授：建議', '- 1.關於補助經費', '3) 第三點']);
  });

  it('turns pipe tables into tab-separated rows with empty cells kept', () => {
    const md = '名單如下：\n\n| 身份 | 單位 | 出席人員 |\n|:---|---|---:|\n| 機關代表委員(召集人) | | **謝政務次長武樵** |\n| | 條法司 | 陳專門委員首翰(代理) |\n| 民間代表 | A\\|B | 王董事長 |\n\n散會。\n';
    expect(lines(loadMarkdown(md).text)).toEqual([
      '名單如下：',
      '身份\t單位\t出席人員',
      '機關代表委員(召集人)\t\t謝政務次長武樵',
      '\t條法司\t陳專門委員首翰(代理)',
      '民間代表\tA|B\t王董事長',
      '散會。',
    ]);
  });

  it('does not take pipes in code or in prose for a table', () => {
    const md = '```\n| a | b |\n|---|---|\n```\n\n甲 | 乙 是一句話。\n';
    expect(lines(loadMarkdown(md).text)).toEqual(['| a | b |', '|---|---|', '甲 | 乙 是一句話。']);
  });

  it('accepts CRLF and a BOM', () => {
    expect(loadMarkdown('\uFEFF## 壹、開會\r\n\r\n內容\r\n').text).toBe('壹、開會\n\n內容');
  });
});
