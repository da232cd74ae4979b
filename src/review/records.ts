import type { DatasetDecisionKind } from '../types.js';
import { str, type ReviewContext } from './context.js';
import { html, type SafeHtml } from './escape.js';
import { badge, items, lineCell, longText, oneOf, person, recordRow, section, table } from './tables.js';

/** `肆 討論事項` for an agenda id, so speeches and rulings say where they sit. */
function agendaNames(ctx: ReviewContext): (id: unknown) => string {
  const names = new Map(ctx.agenda.map((a) => [a.id, [str(a.number), str(a.title)].filter(Boolean).join(' ')]));
  return (id) => (typeof id === 'string' ? names.get(id) ?? id : '');
}

export function speechesSection(ctx: ReviewContext, located: Set<string>): SafeHtml {
  const agenda = agendaNames(ctx);
  const rows = ctx.speeches.map((s, i) => {
    const key = `speech-${i}`;
    const body = Array.isArray(s.points) && s.points.length ? items(s.points) : longText(s.text);
    return recordRow(
      key,
      'speech',
      located.has(key),
      html`${lineCell(key, s.span, located.has(key))}<td class="who">${person(s.speaker)}</td><td>${body}</td><td class="muted" lang="zh-Hant-TW">${agenda(s.agendaId)}</td>`,
    );
  });
  return section('speeches', 'Speeches', rows.length, table(['line', 'speaker', 'speech', 'agenda'], rows));
}

export function rulingsSection(ctx: ReviewContext, located: Set<string>): SafeHtml {
  const agenda = agendaNames(ctx);
  const rows = ctx.rulings.map((r, i) => {
    const key = `ruling-${i}`;
    const body = Array.isArray(r.items) && r.items.length ? items(r.items) : longText(r.text);
    const kind = oneOf(r.kind, ['chair-ruling', 'resolution'] as const, 'chair-ruling');
    return recordRow(
      key,
      'ruling',
      located.has(key),
      html`${lineCell(key, r.span, located.has(key))}<td lang="zh-Hant-TW"><b>${str(r.label)}</b><br>${badge(r.kind === kind ? kind : str(r.kind), 'muted')}</td><td>${body}</td><td class="muted" lang="zh-Hant-TW">${agenda(r.agendaId)}</td>`,
    );
  });
  return section('rulings', 'Rulings', rows.length, table(['line', 'label', 'ruling', 'agenda'], rows));
}

const DECISION_TONE: Record<DatasetDecisionKind, string> = { approved: 'ok', proposed: 'info', deferred: 'muted', rejected: 'warn' };

export function datasetsSection(ctx: ReviewContext, located: Set<string>): SafeHtml {
  const rulingKeys = new Map(ctx.rulings.map((r, i) => [r.id, `ruling-${i}`]));
  const rows = ctx.datasets.map((d, i) => {
    const key = `dataset-${i}`;
    const decision = oneOf<DatasetDecisionKind>(d.decision, ['approved', 'proposed', 'deferred', 'rejected'], 'proposed');
    const ruling = typeof d.rulingId === 'string' ? rulingKeys.get(d.rulingId) : undefined;
    const name = d.name === null ? html`<i>all submitted</i>` : str(d.name);
    return recordRow(
      key,
      'dataset',
      located.has(key),
      html`${lineCell(key, d.span, located.has(key))}<td lang="zh-Hant-TW">${name}</td><td lang="zh-Hant-TW">${str(d.unit)}${
        d.count !== null && d.count !== undefined ? html` <span class="muted">× ${str(d.count)}</span>` : ''
      }</td><td>${badge(d.decision === decision ? decision : str(d.decision), d.decision === decision ? DECISION_TONE[decision] : 'warn')}</td><td lang="zh-Hant-TW">${str(d.annex)}</td><td>${
        ruling ? html`<a href="${'#t-' + ruling}" data-go="${ruling}">${str(d.rulingId)}</a>` : str(d.rulingId)
      }</td>`,
    );
  });
  return section('datasets', 'Dataset decisions', rows.length, table(['line', 'dataset', 'unit', 'decision', 'annex', 'ruling'], rows));
}

export function actionsSection(ctx: ReviewContext, located: Set<string>): SafeHtml {
  const rows = ctx.actions.map((a, i) => {
    const key = `action-${i}`;
    return recordRow(
      key,
      'action',
      located.has(key),
      html`${lineCell(key, a.span, located.has(key))}<td lang="zh-Hant-TW">${str(a.text)}</td><td class="nowrap">${str(a.due)}</td><td lang="zh-Hant-TW">${str(a.owner)}</td>`,
    );
  });
  return section('actions', 'Actions', rows.length, table(['line', 'task', 'due', 'owner'], rows));
}

const SEVERITY_TONE = { error: 'warn', warning: 'warn', info: 'muted' } as const;

/** Every diagnostic; those with a span link to it (the link scrolls to and flashes the span). */
export function diagnosticsSection(ctx: ReviewContext, located: Set<string>): SafeHtml {
  const rows = ctx.diagnostics.map((d, i) => {
    const key = `diag-${i}`;
    const severity = oneOf(d.severity, ['error', 'warning', 'info'] as const, 'warning');
    return recordRow(
      key,
      'diagnostic',
      located.has(key),
      html`${lineCell(key, d.span, located.has(key))}<td>${badge(d.severity === severity ? severity : str(d.severity), SEVERITY_TONE[severity])}</td><td><code>${str(d.code)}</code></td><td lang="zh-Hant-TW">${str(d.message)}</td>`,
    );
  });
  return section('diagnostics', 'Diagnostics', rows.length, table(['line', 'severity', 'code', 'message'], rows));
}
