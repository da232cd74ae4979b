import type { Diagnostic } from '../types.js';
import type { MetadataResult } from './context.js';

/**
 * Minutes or not? Minutes have a header (a 會議紀錄 title, a date field, a chair) and an adjournment or
 * attendance; a paper without any of these (an action strategy, a report) is `other`. Two signals suffice.
 */
export function decideKind(meta: MetadataResult): { kind: 'minutes' | 'other'; diagnostics: Diagnostic[] } {
  const s = meta.signals;
  const named: [boolean, string][] = [
    [s.header, 'a 會議紀錄 title'],
    [s.date, 'a meeting date'],
    [s.chair, 'a chair (主席)'],
    [s.attendance, 'an attendance field (出席)'],
    [s.adjourn, 'an adjournment (散會)'],
  ];
  const present = named.filter(([ok]) => ok).map(([, what]) => what);
  const missing = named.filter(([ok]) => !ok).map(([, what]) => what);
  const kind = present.length >= 2 ? 'minutes' : 'other';
  return {
    kind,
    diagnostics: [
      {
        severity: 'info',
        code: kind === 'minutes' ? 'kind-minutes' : 'kind-other',
        message:
          kind === 'minutes'
            ? `Read as meeting minutes: found ${present.join(', ')}${missing.length ? `; not found: ${missing.join(', ')}` : ''}.`
            : `Not read as meeting minutes: ${present.length ? `found only ${present.join(', ')}` : 'no meeting header'}; not found: ${missing.join(', ')}. Sections are listed as agenda; no meeting records are made.`,
      },
    ],
  };
}
