import { str, type ReviewContext } from './context.js';
import { html, type HtmlValue, type SafeHtml } from './escape.js';
import { badge, lineCell, oneOf, person, recordRow, section, table } from './tables.js';

/** The meeting header (fields found in the text link to it) and the source, as one table. */
export function meetingSection(ctx: ReviewContext, located: Set<string>): SafeHtml {
  const { doc } = ctx;
  const m = doc.meeting && typeof doc.meeting === 'object' ? doc.meeting : null;
  const src = doc.source && typeof doc.source === 'object' ? doc.source : null;
  const field = (name: string, value: HtmlValue, key?: string): SafeHtml => {
    const cells = html`<th scope="row">${name}</th><td lang="zh-Hant-TW">${value}</td>`;
    if (!key) return html`<tr><td class="loc"></td>${cells}</tr>`;
    return recordRow(key, 'meeting', located.has(key), html`${lineCell(key, null, located.has(key))}${cells}`);
  };
  const kind = oneOf(doc.kind, ['minutes', 'other'] as const, 'other');
  const rows: SafeHtml[] = [
    field('title', str(doc.title) || html`<span class="muted">—</span>`),
    field('kind', badge(kind === 'minutes' ? 'minutes' : 'not minutes', kind === 'minutes' ? 'ok' : 'muted')),
  ];
  if (m) {
    const time = [str(m.start).slice(11, 16), str(m.end).slice(11, 16)].filter(Boolean).join(' – ');
    const numbering = [m.term !== null && m.term !== undefined ? `term ${str(m.term)}` : '', m.session !== null && m.session !== undefined ? `session ${str(m.session)}` : '']
      .filter(Boolean)
      .join(', ');
    rows.push(
      field('agency', str(m.agency)),
      field('body', str(m.body)),
      field('term, session', numbering),
      field('date', str(m.date), 'meeting-date'),
      field('time', time),
      field('location', html`${str(m.location)}${m.online === true ? html` ${badge('online', 'info')}` : ''}`, 'meeting-location'),
      field('chair', m.chair ? person(m.chair) : '', 'meeting-chair'),
      field('recorder', m.recorder ? person(m.recorder) : '', 'meeting-recorder'),
    );
  }
  if (src) {
    const pages = Number.isInteger(src.pages) ? `, ${str(src.pages)} pages` : '';
    rows.push(field('source', html`${str(src.name) || '(unnamed)'} <span class="muted">${str(src.format)}${pages}</span>`));
    rows.push(field('sha256', html`<code>${str(src.sha256)}</code>`));
  }
  return section('meeting', 'Meeting', null, html`<div class="tw"><table class="fields"><tbody>${rows}</tbody></table></div>`);
}

/** The agenda as an indented outline. */
export function agendaSection(ctx: ReviewContext, located: Set<string>): SafeHtml {
  const rows = ctx.agenda.map((item, i) => {
    const key = `agenda-${i}`;
    const level = Math.min(6, Math.max(1, Number.isInteger(item.level) ? item.level : 1));
    return recordRow(
      key,
      'heading',
      located.has(key),
      html`${lineCell(key, item.span, located.has(key))}<td class="${'lvl-' + level}" lang="zh-Hant-TW"><span class="num">${str(item.number)}</span> ${str(item.title)}${
        item.omitted === true ? html` ${badge('omitted', 'muted')}` : ''
      }</td><td>${str(item.kind)}</td>`,
    );
  });
  return section('agenda', 'Agenda', rows.length, table(['line', 'section', 'kind'], rows));
}
