import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLoadError, parseFile } from '../src/index.js';
import { ROOT } from './helpers.js';

/**
 * The real-minutes corpus (test/fixtures/corpus: 28 documents nobody on the project wrote, with keys written
 * by hand) scored with the keys' authors' scorer. Each document's core score has a floor at the level a build
 * reached (floors.json, written by `node scripts/corpus.mjs --write-floors`): a change that loses what a
 * document had fails here.
 */
const CORPUS = ROOT + 'test/fixtures/corpus/';
const floors = JSON.parse(readFileSync(CORPUS + 'floors.json', 'utf8')) as { meanCore: number; core: Record<string, number> };
const keys = readdirSync(CORPUS + 'keys')
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(CORPUS + 'keys/' + f, 'utf8')) as { source: string });

interface Report {
  docs: Record<string, { scores: Record<string, number>; misses: string[] }>;
  mean: Record<string, number>;
}

// A clean refusal (no usable text) is scored as an empty document, as the scorer does for a refusing CLI.
const EMPTY = { kind: 'other', meeting: null, agenda: [], attendees: [], speeches: [], rulings: [], datasets: [], actions: [] };

async function scoreCorpus(): Promise<Report> {
  const dir = mkdtempSync(join(tmpdir(), 'twminutes-corpus-'));
  for (const k of keys) {
    let doc: unknown;
    try {
      doc = await parseFile(CORPUS + 'raw/' + k.source);
    } catch (e) {
      if (!isLoadError(e)) throw e;
      doc = EMPTY;
    }
    writeFileSync(join(dir, k.source + '.json'), JSON.stringify(doc));
  }
  const out = execFileSync(process.execPath, [ROOT + 'test/eval/score.mjs', '--keys', CORPUS + 'keys', '--outputs', dir, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out) as Report;
}

describe('the real-minutes corpus against its keys', async () => {
  const report = await scoreCorpus();

  it('every keyed document has a floor, and every floor a document', () => {
    expect(Object.keys(floors.core).sort()).toEqual(keys.map((k) => k.source).sort());
  });

  it.each(keys.map((k) => [k.source]))('%s: core at or above its floor', (source) => {
    const got = report.docs[source]!.scores.core!;
    // The misses are in the message when it fails: read them against the document.
    expect({ source, core: got >= floors.core[source]!, misses: got >= floors.core[source]! ? [] : report.docs[source]!.misses }).toEqual({ source, core: true, misses: [] });
  });

  it('mean core at or above its floor', () => {
    expect(report.mean.core).toBeGreaterThanOrEqual(floors.meanCore);
  });
});
