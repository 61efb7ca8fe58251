// Meetings as the agendas show them, as pure functions: the fair's local day and time of an instant, the agenda's
// groups (live now, today, next days, earlier) by the fair's clock, what each side may do with a meeting at a given
// moment (the server's rules in MeetingRules, mirrored so the page offers only what it will accept), free slots by
// local day, the organiser's counts by hour and status, and the schedule-all plan by slot.

import type { Meeting, MeetingSide, MeetingStatus, ScheduledItem } from './meetingsApi';
import { DEFAULT_TIME_ZONE } from './format';

/** Check-in opens this long before the slot and closes this long after it (MeetingRules.CheckInWindow). */
export const CHECK_IN_WINDOW_MS = 15 * 60 * 1000;

export const MEETING_STATUSES: readonly MeetingStatus[] = [
  'Requested',
  'Accepted',
  'Declined',
  'Expired',
  'Cancelled',
  'Held',
  'NoShow',
  'Disputed',
];

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      return formatter(DEFAULT_TIME_ZONE);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** The instant's local date and time in the zone: {day: "2026-12-05", time: "09:30", hour: "09"}. */
export function localParts(instant: string | number | Date, timeZone: string = DEFAULT_TIME_ZONE) {
  const date = instant instanceof Date ? instant : new Date(instant);
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone || DEFAULT_TIME_ZONE).formatToParts(date)) out[p.type] = p.value;
  const hour = out.hour === '24' ? '00' : out.hour;
  return { day: `${out.year}-${out.month}-${out.day}`, time: `${hour}:${out.minute}`, hour };
}

/** "09:30" in the fair's zone. */
export const localTime = (instant: string | number | Date, timeZone?: string) => localParts(instant, timeZone).time;

/** "2026-12-05" → "05/12/2026". */
export function dayLabel(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** The groups of an agenda, in the order shown. */
export type AgendaGroup = 'live' | 'today' | 'next' | 'earlier';
export const AGENDA_GROUPS: readonly AgendaGroup[] = ['live', 'today', 'next', 'earlier'];

/** A meeting's group at `now`: in its slot now, later today, on a later day, or over (by the fair's local day). */
export function agendaGroup(m: Pick<Meeting, 'startsAt' | 'endsAt'>, now: number, timeZone?: string): AgendaGroup {
  const start = Date.parse(m.startsAt);
  const end = Date.parse(m.endsAt);
  if (end <= now) return 'earlier';
  if (start <= now) return 'live';
  return localParts(start, timeZone).day === localParts(now, timeZone).day ? 'today' : 'next';
}

/** The agenda by group, each by start time (earlier ones latest first). */
export function groupAgenda<M extends Pick<Meeting, 'startsAt' | 'endsAt' | 'meetingId'>>(
  meetings: readonly M[],
  now: number,
  timeZone?: string,
): Record<AgendaGroup, M[]> {
  const groups: Record<AgendaGroup, M[]> = { live: [], today: [], next: [], earlier: [] };
  for (const m of meetings) groups[agendaGroup(m, now, timeZone)].push(m);
  const byStart = (a: M, b: M) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.meetingId.localeCompare(b.meetingId);
  for (const g of AGENDA_GROUPS) groups[g].sort(byStart);
  groups.earlier.reverse();
  return groups;
}

/** A meeting still on: requested or accepted. */
export const isLive = (status: MeetingStatus) => status === 'Requested' || status === 'Accepted';

/** True while check-in is open for the meeting's slot. */
export function checkInOpen(m: Pick<Meeting, 'startsAt' | 'endsAt'>, now: number): boolean {
  return now >= Date.parse(m.startsAt) - CHECK_IN_WINDOW_MS && now <= Date.parse(m.endsAt) + CHECK_IN_WINDOW_MS;
}

export type MeetingActionKind = 'accept' | 'decline' | 'propose' | 'cancel' | 'check-in';

/** What `side` may do with the meeting at `now`, in the order offered. */
export function meetingActions(m: Meeting, side: MeetingSide, now: number): MeetingActionKind[] {
  const actions: MeetingActionKind[] = [];
  const started = Date.parse(m.startsAt) <= now;
  const expired = m.expiresAt ? Date.parse(m.expiresAt) <= now : false;
  if (m.status === 'Requested' && m.awaitingSide === side && !expired && !started) actions.push('accept', 'decline');
  if (isLive(m.status) && !started && !(m.status === 'Requested' && expired)) actions.push('propose', 'cancel');
  const checkedIn = side === 'Buyer' ? m.buyerCheckedIn : m.producerCheckedIn;
  if ((m.status === 'Accepted' || m.status === 'Held' || m.status === 'Disputed') && !checkedIn && checkInOpen(m, now))
    actions.push('check-in');
  return actions;
}

/** Whose answer the meeting waits for: 'you', 'them', or null when nobody's (not requested, or expired). */
export function waitingFor(m: Meeting, side: MeetingSide, now: number): 'you' | 'them' | null {
  if (m.status !== 'Requested') return null;
  if (m.expiresAt && Date.parse(m.expiresAt) <= now) return null;
  return m.awaitingSide === side ? 'you' : 'them';
}

/** The meeting's booth code, or null when it is at the exhibitor's meeting table (no booth yet). */
export const boothOf = (place: Meeting['place']) => place.boothCode || null;

/** The list with `meeting` in it (replacing an older version of it), by start time. */
export function upsertMeeting(list: readonly Meeting[], meeting: Meeting): Meeting[] {
  const old = list.find((m) => m.meetingId === meeting.meetingId);
  if (old && old.version > meeting.version) return [...list];
  const next = list.filter((m) => m.meetingId !== meeting.meetingId);
  next.push(meeting);
  return next.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.meetingId.localeCompare(b.meetingId));
}

/** True for a value that looks like a meeting (a `MeetingChanged` event's data). */
export function isMeeting(value: unknown): value is Meeting {
  const m = value as Meeting | null;
  return !!m && typeof m === 'object' && typeof m.meetingId === 'string' && typeof m.startsAt === 'string' && typeof m.status === 'string';
}

/** Free slots by the fair's local day: [{day, slots: [{startsAt, time}]}], days and times in order. */
export function slotsByDay(free: readonly string[], timeZone?: string, now = Date.now()) {
  const days = new Map<string, { startsAt: string; time: string }[]>();
  for (const startsAt of [...free].sort((a, b) => Date.parse(a) - Date.parse(b))) {
    if (Date.parse(startsAt) <= now) continue;
    const { day, time } = localParts(startsAt, timeZone);
    const list = days.get(day) ?? [];
    list.push({ startsAt, time });
    days.set(day, list);
  }
  return [...days].map(([day, slots]) => ({ day, slots }));
}

export type StatusCounts = Record<MeetingStatus, number>;

export function countByStatus(meetings: readonly Pick<Meeting, 'status'>[]): StatusCounts {
  const counts = Object.fromEntries(MEETING_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const m of meetings) counts[m.status] = (counts[m.status] ?? 0) + 1;
  return counts;
}

/** The organiser's overview: meetings by local day and hour, each hour with its counts by status. */
export function byHour(meetings: readonly Meeting[], timeZone?: string) {
  const hours = new Map<string, { day: string; hour: string; items: Meeting[] }>();
  const sorted = [...meetings].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const m of sorted) {
    const { day, hour } = localParts(m.startsAt, timeZone);
    const key = `${day} ${hour}`;
    const entry = hours.get(key) ?? { day, hour, items: [] };
    entry.items.push(m);
    hours.set(key, entry);
  }
  return [...hours.values()].map((h) => ({ ...h, counts: countByStatus(h.items) }));
}

/** The schedule-all plan by slot: [{startsAt, day, time, items}], in time order. */
export function planBySlot(items: readonly ScheduledItem[], timeZone?: string) {
  const slots = new Map<string, ScheduledItem[]>();
  for (const item of [...items].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))) {
    const key = new Date(item.startsAt).toISOString();
    slots.set(key, [...(slots.get(key) ?? []), item]);
  }
  return [...slots].map(([startsAt, list]) => ({ startsAt, ...localParts(startsAt, timeZone), items: list }));
}

/** How close the plan is to the best possible: objective / bound as a whole percentage (100 when the bound is 0). */
export function optimality(objective: number, bound: number): number {
  if (bound <= 0) return 100;
  return Math.min(100, Math.floor((objective / bound) * 100));
}
