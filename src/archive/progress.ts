import type { ArchiveProgress } from './types.js';

export type ProgressMode = 'tty' | 'lines' | 'quiet';

export interface ProgressReporter {
  update(progress: ArchiveProgress): void;
}

/**
 * Progress of a batch on stderr: a bar redrawn in place on a terminal (at most 10 times a second),
 * plain lines in a pipe or CI log (at every tenth of the total and at least every `intervalMs`),
 * nothing when quiet.
 */
export function createProgressReporter(write: (line: string) => void, mode: ProgressMode, intervalMs = 10_000): ProgressReporter {
  let drawn = false;
  let lastAt = 0;
  let lastTenth = 0;
  return {
    update(p) {
      if (mode === 'quiet') return;
      const now = p.elapsedMs;
      const complete = p.total !== null && p.done >= p.total;
      if (mode === 'tty') {
        if (!complete && drawn && now - lastAt < 100) return;
        write((drawn ? '\x1b[1A\x1b[2K' : '') + formatBar(p));
        drawn = true;
        lastAt = now;
        return;
      }
      const tenth = p.total ? Math.floor((p.done * 10) / p.total) : 0;
      if (tenth > lastTenth || now - lastAt >= intervalMs) {
        write(formatLine(p));
        lastTenth = Math.max(lastTenth, tenth);
        lastAt = now;
      }
    },
  };
}

/** `[=========>          ] 12/40 30% · 3.1 files/s · ETA 9 s · 10 ok · 1 warn · 1 failed` */
export function formatBar(p: ArchiveProgress, width = 24): string {
  const fraction = p.total ? Math.min(1, p.done / p.total) : 0;
  const filled = Math.round(fraction * width);
  const bar = p.total ? '[' + '='.repeat(Math.max(0, filled - 1)) + (filled ? '>' : '') + ' '.repeat(width - filled) + '] ' : '';
  return `${bar}${counts(p)} · ${p.ok} ok · ${p.warnings} warn · ${p.failed} failed`;
}

/** `twminutes batch: 12/40 (30%) · 3.1 files/s · ETA 9 s · 10 ok, 1 with warnings, 1 failed` */
export function formatLine(p: ArchiveProgress): string {
  return `twminutes batch: ${counts(p).replace(/ (\d+%)/, ' ($1)')} · ${p.ok} ok, ${p.warnings} with warnings, ${p.failed} failed`;
}

function counts(p: ArchiveProgress): string {
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? p.done / seconds : 0;
  const parts = [p.total === null ? `${p.done} files` : `${p.done}/${p.total} ${Math.floor((p.done * 100) / Math.max(1, p.total))}%`];
  parts.push(`${rate.toFixed(1)} files/s`);
  if (p.total !== null && rate > 0 && p.done < p.total) parts.push(`ETA ${formatDuration((p.total - p.done) / rate)}`);
  return parts.join(' · ');
}

/** 9 → '9 s', 134 → '2 min 14 s', 7300 → '2 h 1 min'. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
