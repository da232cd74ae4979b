import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readBatchLines, isErrorLine } from '../../archive/jsonl.js';
import { parseAliases, type Aliases } from '../../people/aliases.js';
import { collectPeople } from '../../people/build.js';
import { foldName } from '../../people/fold.js';
import type { IndexedPerson, PeopleIndex } from '../../people/types.js';
import { checkBatchFiles } from '../batch-files.js';
import type { Command } from '../command.js';
import { GRAMMAR_OPTION, grammarOption } from '../grammar-option.js';
import { withGrammar, type Grammar } from '../../grammars/index.js';

export const peopleCommand: Command = {
  name: 'people',
  summary: 'people <out.jsonl…> [--name 林東亨] [--aliases people.json] [--grammar DIR] [--text] [--pretty]   people across meetings: titles over time, meetings, speeches, homonyms',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { name: { type: 'string' }, aliases: { type: 'string' }, text: { type: 'boolean' }, pretty: { type: 'boolean' }, ...GRAMMAR_OPTION },
    });
    if (!positionals.length) {
      io.stderr('twminutes people: give the JSON Lines written by `twminutes batch`');
      return 2;
    }
    const bad = await checkBatchFiles(positionals);
    if (bad) {
      io.stderr(`twminutes people: ${bad.path}: ${bad.code}: ${bad.message}`);
      return 1;
    }
    const aliases = await readAliasFile(values.aliases, 'people', io.stderr);
    if (aliases === false) return 2;
    const grammar = await grammarOption(values.grammar, 'people', io.stderr);
    if (grammar === false) return 2;
    const { index, skipped } = await indexFiles(positionals, aliases, grammar);
    const key = values.name ? withGrammar(grammar, () => foldName(values.name)) : null;
    const people = key ? withGrammar(grammar, () => index.people.filter((p) => p.key === key || p.names.some((n) => foldName(n).includes(key)))) : index.people;
    const homonyms = key ? index.homonyms.filter((h) => h.key === key) : index.homonyms;
    if (values.text) for (const line of textOf(people, index)) io.stdout(line);
    else {
      const shown = new Set(people.flatMap((p) => p.appearances.map((a) => a.meeting)));
      const meetings = key ? index.meetings.filter((m) => shown.has(m.id)) : index.meetings;
      const out = { meetings, people, homonyms, unresolvedSpeakers: index.unresolvedSpeakers, refused: key ? [] : index.refused, renames: index.renames };
      io.stdout(JSON.stringify(out, null, values.pretty ? 2 : undefined));
    }
    if (index.unusedAliases.length) io.stderr(`twminutes people: ${index.unusedAliases.length} alias rule(s) matched no mention: ${index.unusedAliases.join(', ')}`);
    if (skipped.count) io.stderr(`twminutes people: skipped ${skipped.count} malformed or half-written line(s)`);
    return 0;
  },
};

/**
 * Build the index from batch outputs (several, e.g. one per shard), streaming; error lines are skipped.
 * Names are read with `grammar` (titles, surnames, variant characters), as the documents were parsed.
 */
export async function indexFiles(paths: readonly string[], aliases: Aliases | null = null, grammar: Grammar | null = null): Promise<{ index: PeopleIndex; skipped: { count: number } }> {
  const collector = collectPeople({ aliases, grammar: grammar ?? undefined });
  const skipped = { count: 0 };
  for (const path of paths) for await (const line of readBatchLines(path, skipped)) if (!isErrorLine(line)) collector.add(line);
  return { index: collector.build(), skipped };
}

/**
 * The alias file of `--aliases` (null when not given), or false after saying on stderr what is
 * wrong with it (missing, not JSON, or each rule that does not check out).
 */
export async function readAliasFile(path: string | undefined, command: string, stderr: (line: string) => void): Promise<Aliases | null | false> {
  if (!path) return null;
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    stderr(`twminutes ${command}: --aliases ${path}: ${err.code === 'ENOENT' ? 'no such file' : err.code ? `cannot read (${err.code})` : `not JSON (${err.message})`}`);
    return false;
  }
  const { aliases, errors } = parseAliases(value);
  for (const error of errors) stderr(`twminutes ${command}: --aliases ${path}: ${error}`);
  return aliases ?? false;
}

function textOf(people: readonly IndexedPerson[], index: PeopleIndex): string[] {
  const out: string[] = [];
  for (const p of people) {
    out.push(`${p.name} (${p.id}) · ${p.attended} meeting(s) · ${p.speeches} speech(es) · ${p.roles.join(', ')}`);
    for (const h of p.history) out.push(`  ${h.from ?? '?'} – ${h.to ?? '?'}  ${[h.org, h.title].filter(Boolean).join(' ')}`);
  }
  for (const h of index.homonyms.filter((x) => people.some((p) => p.key === x.key)))
    out.push(`! ${h.key}: ${h.reason}${h.unassigned.length ? ` (${h.unassigned.length} mention(s) unassigned)` : ''}`);
  if (people.length !== index.people.length) return out;
  for (const r of index.renames) out.push(`~ renamed: ${r.from} → ${r.to} (the series of ${r.bodies.join(', ')}: last ${r.lastBefore}, then ${r.firstAfter})`);
  if (index.refused.length) out.push(`- not people: ${index.refused.map((r) => `${r.name} (${r.reason})`).join(', ')}`);
  return out;
}
