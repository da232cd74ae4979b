import { describe, expect, it } from 'vitest';
import { parse, parseName } from '../src/index.js';
import { sampleText } from './helpers.js';

describe('cached values cannot be changed by a caller (issue 19)', () => {
  it('mutating what parseName returned changes nothing for the next caller or the next parse', () => {
    const first = parseName('王委員可言');
    expect(first.name).toBe('王可言');
    expect(() => {
      (first as { name: string | null }).name = '被改了';
    }).toThrow(TypeError);
    expect(parseName('王委員可言').name).toBe('王可言');
    const doc = parse(sampleText('mofa-2018-107-1.txt'));
    expect(doc.attendees.map((a) => a.name)).toContain('王可言');
    expect(doc.attendees.map((a) => a.name)).not.toContain('被改了');
  });

  it('a document is the caller’s own: changing one parse does not change the next', () => {
    const a = parse(sampleText('mofa-2018-107-1.txt'));
    expect([a.attendees[0]!.name, a.meeting!.chair!.name]).toEqual(['謝武樵', '謝武樵']);
    a.attendees[0]!.name = '被改了';
    a.meeting!.chair!.name = '被改了';
    const b = parse(sampleText('mofa-2018-107-1.txt'));
    expect([b.attendees[0]!.name, b.meeting!.chair!.name]).toEqual(['謝武樵', '謝武樵']);
  });

  it('nested people too: a speaker, a proxy’s principal and an acting chair’s principal', () => {
    // samples/mofa-2016-105-4.txt: 李委員自正(代表召集人李常務次長澄然主持), 陳委員華玉(鍾副局長文正代).
    const read = () => parse(sampleText('mofa-2016-105-4.txt'));
    const view = (d: ReturnType<typeof read>) => [d.meeting!.chair!.actingFor!.name, d.attendees.find((x) => x.proxy)!.onBehalfOf!.name, d.speeches[0]!.speaker.title];
    const a = read();
    const before = view(a);
    expect(before).toEqual(['李澄然', '陳華玉', '委員']);
    a.meeting!.chair!.actingFor!.name = '被改了';
    a.attendees.find((x) => x.proxy)!.onBehalfOf!.name = '被改了';
    a.speeches[0]!.speaker.title = '被改了';
    expect(view(read())).toEqual(before);
  });
});
