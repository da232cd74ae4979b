import { describe, expect, it } from 'vitest';
import { check } from 'recheck';
import { ROOT, SAMPLES, sampleText } from './helpers.js';
import { regexLiterals, regexesBuiltDuring, type FoundRegex } from './regex-collect.js';

/**
 * Static ReDoS analysis (recheck) of every regular expression: the literals in src/ and the patterns
 * compiled from grammars/ at run time. A vulnerable pattern fails the test with its attack string.
 */
describe('every regex is ReDoS-safe', () => {
  it('collects and checks them all', async () => {
    const literals = regexLiterals(ROOT + 'src');
    const built = await regexesBuiltDuring(async () => {
      const api = await import('../src/index.js');
      for (const s of SAMPLES) api.parse(sampleText(s.file));
      await api.parseFile(ROOT + 'test/fixtures/pdf/mofa-2021-110-1-attendance-table.pdf');
      await api.parseFile(ROOT + 'test/fixtures/md/mofa-2018-107-1.md');
    });
    const all = new Map<string, FoundRegex>();
    for (const r of [...literals, ...built]) all.set(`/${r.source}/${r.flags}`, r);
    expect(all.size).toBeGreaterThan(40);
    // The automaton checker is exact and deterministic; a pattern it cannot take (lookaround) or that
    // times out is 'unknown', covered instead by the 1 MB adversarial inputs of test/fuzz.test.ts.
    const verdicts = await Promise.all(
      [...all.values()].map(async (r) => {
        const d = await check(r.source, r.flags.replace(/[gy]/g, ''), { checker: 'automaton', timeout: 30_000 });
        return { r, status: d.status, attack: d.status === 'vulnerable' ? d.attack?.pattern : undefined, complexity: d.status === 'vulnerable' ? d.complexity.type : undefined };
      }),
    );
    const vulnerable = verdicts.filter((v) => v.status === 'vulnerable').map((v) => `${v.r.where}: /${v.r.source}/ (${v.complexity}, attack ${v.attack})`);
    expect(vulnerable).toEqual([]);
    const safe = verdicts.filter((v) => v.status === 'safe').length;
    console.log(`ReDoS: ${verdicts.length} patterns, ${safe} proven safe, ${verdicts.length - safe} unknown (lookaround or timeout)`);
    expect(safe).toBeGreaterThan(verdicts.length / 2);
  }, 300_000);
});
