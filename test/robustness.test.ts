import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parse, parseBytes } from '../src/index.js';
import { sampleText } from './helpers.js';

describe('bad input never throws or hangs', () => {
  it('empty text: a document with an error diagnostic', () => {
    const d = parse('');
    expect(d.kind).toBe('other');
    expect(d.diagnostics.map((x) => x.code)).toContain('empty-document');
  });

  it('binary garbage given as bytes is refused with a coded error', async () => {
    await expect(parseBytes(new Uint8Array(randomBytes(4096)), { name: 'garbage.txt' })).rejects.toMatchObject({ code: 'not-text' });
  });

  it('binary garbage given as a string still parses to a document', () => {
    const d = parse(randomBytes(20000).toString('latin1'));
    expect(d.schema).toBe('minutes/1');
  });

  it('a 5 MB text of one repeated line', () => {
    const line = '主席裁示：(一) 1. 請各單位持續盤點不涉機敏，可供開放之業務資料。\n';
    const big = line.repeat(Math.ceil(5_000_000 / line.length));
    const d = parse(big);
    expect(d.schema).toBe('minutes/1');
  });

  it('a document with no headings says so', () => {
    const d = parse('外交部會議紀錄\n時間：110 年 7 月 21 日上午 10 時\n主席：曾政務次長厚仁\n今天討論了很多事情。');
    expect(d.kind).toBe('minutes');
    expect(d.agenda).toEqual([]);
    expect(d.diagnostics.map((x) => x.code)).toContain('no-headings');
  });

  it('a truncated sample (cut mid-line) still parses what is there', () => {
    const text = sampleText('mofa-2021-110-1.txt');
    const d = parse(text.slice(0, Math.floor(text.length / 2)));
    expect(d.meeting?.date).toBe('2021-07-21');
    expect(d.speeches.length).toBeGreaterThan(2);
  });

  it('Big5-encoded bytes are read as Big5', async () => {
    // 會議紀錄 in Big5.
    const big5 = new Uint8Array([0xb7, 0x7c, 0xc4, 0xb3, 0xac, 0xf6, 0xbf, 0xfd]);
    const d = await parseBytes(big5, { name: 'x.txt', text: true });
    expect(d.text).toBe('會議紀錄');
    expect(d.diagnostics.map((x) => x.code)).toContain('encoding-big5');
  });

  it('UTF-8 with BOM and CRLF line ends', async () => {
    const text = '\ufeff' + sampleText('mofa-2016-105-4.txt').replace(/\n/g, '\r\n');
    const d = await parseBytes(new TextEncoder().encode(text), { name: 'x.txt' });
    expect(d.meeting?.date).toBe('2016-12-23');
    expect(d.title).toBe('「外交部資料開放諮詢小組」 第4次會議紀錄');
  });
});
