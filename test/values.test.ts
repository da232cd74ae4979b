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
    a.attendees[0]!.name = '被改了';
    if (a.meeting?.chair) a.meeting.chair.name = '被改了';
    const b = parse(sampleText('mofa-2018-107-1.txt'));
    expect(b.attendees[0]!.name).not.toBe('被改了');
    expect(b.meeting?.chair?.name).not.toBe('被改了');
  });
});
