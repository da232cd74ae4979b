import { describe, expect, it } from 'vitest';
import { parseChineseNumeral } from '../src/segment/numerals.js';
import { matchMarker } from '../src/segment/markers.js';
import { matchLabel } from '../src/segment/labels.js';
import { sectionKind, isOmitted, headingTitle } from '../src/segment/kinds.js';
import { buildHeadings } from '../src/segment/headings.js';
import { toLines } from '../src/segment/lines.js';
import { normalize } from '../src/normalize/index.js';
import { sampleText } from './helpers.js';

const headingsOf = (text: string) => {
  const n = normalize(text);
  return buildHeadings(toLines(n.text, n.linePages)).headings;
};

describe('parseChineseNumeral', () => {
  it.each([
    ['拾壹', 11], ['拾', 10], ['壹', 1], ['二十三', 23], ['十', 10], ['一〇五', 105], ['兩千零二十一', 2021],
    ['一百零五', 105], ['玖', 9], ['貳拾', 20], ['三', 3], ['110', 110], ['二〇二一', 2021],
  ])('%s → %i', (s, n) => expect(parseChineseNumeral(s)).toBe(n));

  it.each(['', '年', '一a', 'abc'])('%s is not a numeral', (s) => expect(parseChineseNumeral(s)).toBeNull());
});

describe('matchMarker', () => {
  it.each([
    ['壹、主席致詞(略)', 'upper', '壹', 1],
    ['拾壹、散會。（下午 3 時 45 分）', 'upper', '拾壹', 11],
    ['壹、 前言', 'upper', '壹', 1],
    ['一、 朱委員瑞陽', 'lower', '一', 1],
    ['(一) 世新大學陳副教授：針對國經司所公布報告', 'paren-lower', '一', 1],
    ['(三)主席裁示：', 'paren-lower', '三', 3],
    ['1. 公眾會 1 項：「外交部全球資訊網各國家與地區相關資訊」。', 'arabic', '1', 1],
    ['1、 主席致詞', 'arabic-comma', '1', 1],
    ['(1) 照案通過，同意開放各單位提報之資料', 'paren-arabic', '1', 1],
    ['- (三) 政治大學蕭副教授：國際上針對政府資料開放評比', 'paren-lower', '三', 3],
    ['- 1.關於補助經費因於各團體性質不同', 'arabic', '1', 1],
  ])('%s', (line, family, number, ordinal) => {
    const m = matchMarker(line);
    expect(m?.family.id).toBe(family);
    expect(m?.number).toBe(number);
    expect(m?.ordinal).toBe(ordinal);
  });

  it.each([
    '110 年上半年本部各單位盤點提報之擬開放資料，提請審核。',
    '1.5 億元之預算',
    '參考其他國家外交部開放資料內容',
    '2018年，高雄大學幫高雄市政府 1999 中心建立資料服務',
    '一，外交部因業務屬性需顧及國家安全',
  ])('%s is not a heading marker', (line) => expect(matchMarker(line)).toBeNull());
});

describe('matchLabel', () => {
  it('reads a letter-spaced label', () => {
    expect(matchLabel('主   席：林次長全能')?.label).toBe('主席');
  });
  it('reads a speaker label with an org in Latin letters', () => {
    expect(matchLabel('NGO 國際事務會李副參事：')?.label).toBe('NGO 國際事務會李副參事');
  });
  it('rejects prose and URLs', () => {
    expect(matchLabel('如涉及個人資料保護者，續請依照ISO/CNS 27018:2016')).toBeNull();
    expect(matchLabel('網站(https://dashboard1999.kcg.gov.tw/)。')).toBeNull();
  });
});

describe('section kinds', () => {
  it.each([
    ['主席致詞(略)', 'chair-remarks'], ['專題報告：略', 'special-report'], ['報告事項：', 'report'], ['討論事項（報告單位：資訊中心) ：略', 'discussion'],
    ['委員發言重點', 'member-remarks'], ['決議事項', 'resolutions'], ['臨時動議', 'extempore-motions'], ['散會：上午 11 時', 'adjournment'],
    ['時間：110 年 11 月 30 日（星期二）下午 2 時 0 分', 'metadata'], ['主席：林次長全能(林主任聰仁代理)', 'metadata'], ['出席人員：如出席人員簽名冊(如附件 1)', 'metadata'],
    ['前言', 'other'], ['執行策略', 'other'], ['時間管理之推動情形', 'other'],
  ])('%s → %s', (title, kind) => expect(sectionKind(title)).toBe(kind));

  it('flags omitted bodies', () => {
    expect(isOmitted('主席致詞(略)')).toBe(true);
    expect(isOmitted('專題報告：略')).toBe(true);
    expect(isOmitted('報告事項')).toBe(false);
    expect(headingTitle('主席致詞(略)')).toBe('主席致詞');
    expect(headingTitle('散會。（下午 3 時 45 分）')).toBe('散會');
    expect(headingTitle('時間：110 年 11 月 30 日')).toBe('時間');
  });
});

describe('heading tree', () => {
  it('nests families in the order they open and checks continuity', () => {
    const hs = headingsOf(sampleText('mofa-2018-107-1.txt'));
    const top = hs.filter((h) => h.parent === null).map((h) => h.number);
    expect(top).toEqual(['壹', '貳', '參', '肆', '伍']);
    const two = hs.find((h) => h.number === '二' && h.family === 'lower')!;
    expect(hs.find((h) => h.id === two.parent)?.number).toBe('貳');
  });

  it('reads a top level written 1、 followed by 貳、', () => {
    const hs = headingsOf(sampleText('mofa-2016-105-4.txt'));
    expect(hs.filter((h) => h.parent === null).map((h) => h.number)).toEqual(['1', '貳', '參', '肆', '伍']);
  });

  it('rejects a number that neither continues nor starts a list', () => {
    const hs = headingsOf('壹、報告事項\n一、第一案\n3. 這一行不是清單項目\n二、第二案');
    expect(hs.map((h) => h.number)).toEqual(['壹', '一', '二']);
  });

  it('restarts a list under a new parent', () => {
    const hs = headingsOf(sampleText('moea-2021-7-1.txt'));
    const firstItems = hs.filter((h) => h.family === 'paren-lower' && h.number === '一');
    expect(firstItems.length).toBeGreaterThan(5);
    expect(new Set(firstItems.map((h) => h.parent)).size).toBe(firstItems.length);
  });

  it('gives no headings for a document without markers', () => {
    expect(headingsOf('這是一段沒有任何編號的文字。\n第二行。')).toEqual([]);
  });
});
