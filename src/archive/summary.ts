import { collectCoverage, COVERAGE_FIELDS, sortedCounts, type Coverage } from './coverage.js';
import type { ResumeState } from './resume.js';
import type { ArchiveResult } from './types.js';

export interface BatchSummary {
  add(result: ArchiveResult): void;
  readonly failed: number;
  /** Parsed documents with at least one warning or error diagnostic. */
  readonly warnings: number;
  /** What the documents hold, as `twminutes stats` reports it. */
  coverage(): Coverage;
  /** The closing report: counts by kind, coverage, failures by code, the slowest files. */
  lines(elapsedMs: number, resumed?: ResumeState | null): string[];
}

/** Accumulates the results of a batch for its closing report (keeps only the `slowestCount` slowest files). */
export function createSummary(slowestCount = 5): BatchSummary {
  let warnings = 0;
  const coverage = collectCoverage();
  const slowest: { name: string; ms: number }[] = [];
  return {
    get failed() {
      return coverage.build().refused;
    },
    get warnings() {
      return warnings;
    },
    coverage: () => coverage.build(),
    add(r) {
      coverage.add(r.ok ? r.document : { source: r.source, error: r.error });
      if (r.ok && r.document.diagnostics.some((d) => d.severity !== 'info')) warnings++;
      slowest.push({ name: r.input.name ?? r.input.path, ms: r.ms });
      slowest.sort((a, b) => b.ms - a.ms);
      slowest.length = Math.min(slowest.length, slowestCount);
    },
    lines(elapsedMs, resumed) {
      const c = coverage.build();
      const seconds = elapsedMs / 1000;
      const minutes = c.kinds.minutes;
      // "ok" would count a document of another kind with nothing extracted: say what the documents are.
      const parts = [`${minutes?.withRecords ?? 0} minutes with records`];
      if (minutes && minutes.documents > minutes.withRecords) parts.push(`${minutes.documents - minutes.withRecords} minutes with none`);
      for (const [kind, k] of Object.entries(c.kinds)) if (kind !== 'minutes') parts.push(`${k.documents} ${kind}`);
      parts.push(`${c.refused} failed`);
      const out = [
        `twminutes batch: ${c.lines} files in ${seconds.toFixed(1)} s (${(seconds > 0 ? c.lines / seconds : 0).toFixed(1)} files/s): ${parts.join(', ')}; ${warnings} with warnings`,
      ];
      if (minutes) out.push(`  minutes with: ${COVERAGE_FIELDS.map((f) => `${f} ${minutes.fields[f]}`).join(', ')} (of ${minutes.documents}; twminutes stats for more)`);
      if (c.refused) out.push(`  failed: ${sortedCounts(c.refusals)}`);
      if (resumed?.lines)
        out.push(`  resumed: ${resumed.lines} already in the output (${resumed.ok} ok, ${resumed.warnings} with warnings, ${resumed.failed} failed)`);
      if (slowest.length) out.push(`  slowest: ${slowest.map((s) => `${s.name} ${(s.ms / 1000).toFixed(2)} s`).join(', ')}`);
      return out;
    },
  };
}
