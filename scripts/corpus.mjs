// The real-minutes corpus (test/fixtures/corpus): parse every document with the built CLI and score it
// against its key with the keys' authors' scorer (test/eval/score.mjs).
//
//   npm run build && node scripts/corpus.mjs             the table
//   node scripts/corpus.mjs --verbose                     every miss, to read against the documents
//   node scripts/corpus.mjs --genres                      mean scores per genre (test/fixtures/corpus/genres.json), as Markdown
//   node scripts/corpus.mjs --write-floors                set test/fixtures/corpus/floors.json to the level reached
//
// (The scorer splits its --run command on spaces: the project's path must have none.)
// The floors are a regression guard read by test/corpus.test.ts: each document's core score may not fall
// below the level a build reached (less 0.005 for rounding). Raise them when a change improves a document.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = root + 'test/fixtures/corpus/';
const base = [root + 'test/eval/score.mjs', '--keys', corpus + 'keys', '--inputs', corpus + 'raw', '--run', `${process.execPath} ${root}dist/cli/main.js parse {}`];
const args = process.argv.slice(2);

if (args.includes('--genres')) {
  const report = JSON.parse(execFileSync(process.execPath, [...base, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  const { genres } = JSON.parse(readFileSync(corpus + 'genres.json', 'utf8'));
  const cols = ['kind', 'meeting', 'agenda', 'attendees', 'speeches', 'rulings', 'actions', 'core'];
  const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const fmt = (x) => (x === null ? '–' : x.toFixed(2));
  const lines = [`| genre | docs | ${cols.join(' | ')} |`, `| --- | --- | ${cols.map(() => '---').join(' | ')} |`];
  for (const [genre, prefixes] of Object.entries(genres)) {
    const docs = Object.entries(report.docs).filter(([source]) => prefixes.some((p) => source.startsWith(p))).map(([, d]) => d.scores);
    lines.push(`| ${genre} | ${docs.length} | ${cols.map((c) => fmt(mean(docs.map((d) => d[c]).filter((x) => x !== undefined)))).join(' | ')} |`);
  }
  lines.push(`| **all** | ${Object.keys(report.docs).length} | ${cols.map((c) => fmt(report.mean[c] ?? null)).join(' | ')} |`);
  console.log(lines.join('\n'));
} else if (args.includes('--write-floors')) {
  const report = JSON.parse(execFileSync(process.execPath, [...base, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  const floors = {};
  for (const [source, d] of Object.entries(report.docs)) floors[source] = Math.max(0, Math.floor((d.scores.core - 0.005) * 1000) / 1000);
  const mean = Math.floor((report.mean.core - 0.005) * 1000) / 1000;
  writeFileSync(corpus + 'floors.json', JSON.stringify({ $comment: 'Written by scripts/corpus.mjs --write-floors: per-document core scores a build may not fall below.', meanCore: mean, core: floors }, null, 2) + '\n');
  console.log(`floors written: mean core ${mean}, ${Object.keys(floors).length} documents`);
} else {
  execFileSync(process.execPath, [...base, ...args.filter((a) => a === '--verbose' || a === '--json')], { stdio: 'inherit' });
}
