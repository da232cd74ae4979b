import type { ResumeState } from './resume.js';
import type { ArchiveResult } from './types.js';

export interface BatchSummary {
  add(result: ArchiveResult): void;
  readonly failed: number;
  /** The closing report: counts, failures by code, the slowest files. */
  lines(elapsedMs: number, resumed?: ResumeState | null): string[];
}

/** Accumulates the results of a batch for its closing report (keeps only the `slowestCount` slowest files). */
export function createSummary(slowestCount = 5): BatchSummary {
  let ok = 0;
  let warnings = 0;
  let failed = 0;
  const codes = new Map<string, number>();
  const slowest: { name: string; ms: number }[] = [];
  return {
    get failed() {
      return failed;
    },
    add(r) {
      if (!r.ok) {
        failed++;
        codes.set(r.error.code, (codes.get(r.error.code) ?? 0) + 1);
      } else if (r.document.diagnostics.some((d) => d.severity !== 'info')) warnings++;
      else ok++;
      slowest.push({ name: r.input.name ?? r.input.path, ms: r.ms });
      slowest.sort((a, b) => b.ms - a.ms);
      slowest.length = Math.min(slowest.length, slowestCount);
    },
    lines(elapsedMs, resumed) {
      const files = ok + warnings + failed;
      const seconds = elapsedMs / 1000;
      const out = [
        `twminutes batch: ${files} files in ${seconds.toFixed(1)} s (${(seconds > 0 ? files / seconds : 0).toFixed(1)} files/s): ${ok} ok, ${warnings} with warnings, ${failed} failed`,
      ];
      if (codes.size) out.push(`  failed: ${[...codes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ')}`);
      if (resumed?.lines)
        out.push(`  resumed: ${resumed.lines} already in the output (${resumed.ok} ok, ${resumed.warnings} with warnings, ${resumed.failed} failed)`);
      if (slowest.length) out.push(`  slowest: ${slowest.map((s) => `${s.name} ${(s.ms / 1000).toFixed(2)} s`).join(', ')}`);
      return out;
    },
  };
}
