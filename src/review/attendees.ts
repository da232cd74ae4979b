import type { Attendee, AttendeeRole } from '../types.js';
import { str, type ReviewContext } from './context.js';
import { html, type SafeHtml } from './escape.js';
import { badge, lineCell, oneOf, person, recordRow, section, table } from './tables.js';

const ROLES: readonly AttendeeRole[] = ['convener', 'member', 'agency-representative', 'civil-representative', 'observer', 'staff'];
const ROLE_TITLES: Record<AttendeeRole | 'other', string> = {
  convener: 'Conveners',
  member: 'Members',
  'agency-representative': 'Agency representatives',
  'civil-representative': 'Civil representatives',
  observer: 'Observers (列席)',
  staff: 'Staff',
  other: 'Other roles',
};
const STATUS_TONE = { present: 'ok', proxy: 'info', 'on-leave': 'muted', absent: 'warn' } as const;
type Status = keyof typeof STATUS_TONE;

function statusCell(a: Attendee): SafeHtml {
  const status = oneOf<Status>(a.status, ['present', 'proxy', 'on-leave', 'absent'], 'present');
  const known = a.status === status;
  return html`<td>${badge(known ? status : str(a.status) || 'unknown', known ? STATUS_TONE[status] : 'warn')}${
    a.proxy === true && status !== 'proxy' ? html` ${badge('proxy', 'info')}` : ''
  }${a.recorder === true ? html` ${badge('recorder', 'muted')}` : ''}</td>`;
}

/** Attendees grouped by role; proxies show whom they stand in for. */
export function attendeesSection(ctx: ReviewContext, located: Set<string>): SafeHtml {
  const groups = new Map<AttendeeRole | 'other', SafeHtml[]>();
  ctx.attendees.forEach((a, i) => {
    const key = `attendee-${i}`;
    const role = oneOf<AttendeeRole | 'other'>(a.role, ROLES, 'other');
    const row = recordRow(
      key,
      'attendee',
      located.has(key),
      html`${lineCell(key, a.span, located.has(key))}<td class="who">${person(a)}</td>${statusCell(a)}<td>${
        a.onBehalfOf ? html`for ${person(a.onBehalfOf)}` : ''
      }</td><td lang="zh-Hant-TW">${str(a.group)}</td>`,
    );
    groups.set(role, [...(groups.get(role) ?? []), row]);
  });
  const body = [...ROLES, 'other' as const]
    .filter((role) => groups.has(role))
    .map((role) => html`<h3>${ROLE_TITLES[role]} <span class="count">${groups.get(role)!.length}</span></h3>${table(['line', 'name', 'status', 'on behalf of', 'listed under'], groups.get(role)!)}`);
  return section('attendees', 'Attendees', ctx.attendees.length, body.length ? body : html`<p class="empty">none</p>`);
}
