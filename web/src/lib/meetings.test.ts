import { describe, expect, it } from 'vitest';
import {
  agendaGroup,
  byHour,
  checkInOpen,
  groupAgenda,
  localParts,
  meetingActions,
  optimality,
  planBySlot,
  slotsByDay,
  upsertMeeting,
  waitingFor,
} from './meetings';
import { meeting } from '../test/meetings';

const HANOI = 'Asia/Ho_Chi_Minh';

const at = (iso: string) => Date.parse(iso);

describe('local time of the fair', () => {
  it('reads an instant in the fair’s zone, across midnight UTC', () => {
    expect(localParts('2026-12-14T18:30:00Z', HANOI)).toEqual({ day: '2026-12-15', time: '01:30', hour: '01' });
    expect(localParts('2026-12-15T01:00:00Z', 'Asia/Tokyo').time).toBe('10:00');
  });
});

describe('agenda groups', () => {
  it('puts a meeting in its slot live, later today by the fair’s day, later days next, ended ones earlier', () => {
    const m = meeting();
    expect(agendaGroup(m, at('2026-12-15T01:05:00Z'), HANOI)).toBe('live');
    // 00:30 UTC on the 15th is 07:30 on the 15th in Hà Nội: today
    expect(agendaGroup(m, at('2026-12-15T00:30:00Z'), HANOI)).toBe('today');
    // 16:00 UTC on the 14th is 23:00 on the 14th in Hà Nội: tomorrow there, so next (though the same UTC day is not)
    expect(agendaGroup(m, at('2026-12-14T16:00:00Z'), HANOI)).toBe('next');
    // 17:30 UTC on the 14th is already the 15th in Hà Nội: today
    expect(agendaGroup(m, at('2026-12-14T17:30:00Z'), HANOI)).toBe('today');
    expect(agendaGroup(m, at('2026-12-15T01:20:00Z'), HANOI)).toBe('earlier');
  });

  it('orders each group by start, the earlier ones latest first', () => {
    const list = [
      meeting({ meetingId: 'm-3', startsAt: '2026-12-15T02:00:00Z', endsAt: '2026-12-15T02:20:00Z' }),
      meeting({ meetingId: 'm-2', startsAt: '2026-12-15T01:40:00Z', endsAt: '2026-12-15T02:00:00Z' }),
      meeting({ meetingId: 'm-0', startsAt: '2026-12-14T01:00:00Z', endsAt: '2026-12-14T01:20:00Z' }),
      meeting({ meetingId: 'm-00', startsAt: '2026-12-14T02:00:00Z', endsAt: '2026-12-14T02:20:00Z' }),
      meeting({ meetingId: 'm-9', startsAt: '2026-12-16T01:00:00Z', endsAt: '2026-12-16T01:20:00Z' }),
    ];
    const g = groupAgenda(list, at('2026-12-15T01:00:00Z'), HANOI);
    expect(g.today.map((m) => m.meetingId)).toEqual(['m-2', 'm-3']);
    expect(g.next.map((m) => m.meetingId)).toEqual(['m-9']);
    expect(g.earlier.map((m) => m.meetingId)).toEqual(['m-00', 'm-0']);
    expect(g.live).toEqual([]);
  });
});

describe('what a side may do', () => {
  const before = at('2026-12-14T01:00:00Z');

  it('lets only the side asked answer a request, before it expires', () => {
    const m = meeting();
    expect(meetingActions(m, 'Producer', before)).toEqual(['accept', 'decline', 'propose', 'cancel']);
    expect(meetingActions(m, 'Buyer', before)).toEqual(['propose', 'cancel']);
    expect(waitingFor(m, 'Producer', before)).toBe('you');
    expect(waitingFor(m, 'Buyer', before)).toBe('them');
    const late = at('2026-12-14T03:00:00Z');
    expect(meetingActions(m, 'Producer', late)).toEqual([]);
    expect(waitingFor(m, 'Producer', late)).toBeNull();
  });

  it('offers check-in from 15 minutes before the slot to 15 after, once per side', () => {
    const m = meeting({ status: 'Accepted' });
    expect(meetingActions(m, 'Buyer', before)).toEqual(['propose', 'cancel']);
    expect(checkInOpen(m, at('2026-12-15T00:44:00Z'))).toBe(false);
    expect(meetingActions(m, 'Buyer', at('2026-12-15T00:45:00Z'))).toEqual(['propose', 'cancel', 'check-in']);
    expect(meetingActions(m, 'Buyer', at('2026-12-15T01:10:00Z'))).toEqual(['check-in']);
    expect(meetingActions(m, 'Buyer', at('2026-12-15T01:36:00Z'))).toEqual([]);
    expect(meetingActions({ ...m, buyerCheckedIn: true }, 'Buyer', at('2026-12-15T01:10:00Z'))).toEqual([]);
    expect(meetingActions({ ...m, buyerCheckedIn: true, status: 'Disputed' }, 'Producer', at('2026-12-15T01:10:00Z'))).toEqual(['check-in']);
  });

  it('offers nothing on a closed meeting', () => {
    for (const status of ['Declined', 'Expired', 'Cancelled', 'NoShow'] as const)
      expect(meetingActions(meeting({ status }), 'Producer', before)).toEqual([]);
  });
});

describe('lists', () => {
  it('keeps the newer version of a meeting and the list by start', () => {
    const a = meeting({ meetingId: 'm-a', startsAt: '2026-12-15T02:00:00Z', version: 3, status: 'Accepted' });
    const b = meeting({ meetingId: 'm-b' });
    expect(upsertMeeting([a], b).map((m) => m.meetingId)).toEqual(['m-b', 'm-a']);
    expect(upsertMeeting([a, b], { ...a, version: 2, status: 'Requested' }).find((m) => m.meetingId === 'm-a')?.status).toBe('Accepted');
    expect(upsertMeeting([a, b], { ...a, version: 4, status: 'Cancelled' }).find((m) => m.meetingId === 'm-a')?.status).toBe('Cancelled');
  });

  it('groups free slots by the fair’s day, leaving out the past', () => {
    const free = ['2026-12-15T01:20:00Z', '2026-12-14T17:00:00Z', '2026-12-15T01:00:00Z', '2026-12-01T01:00:00Z'];
    expect(slotsByDay(free, HANOI, at('2026-12-10T00:00:00Z'))).toEqual([
      {
        day: '2026-12-15',
        slots: [
          { startsAt: '2026-12-14T17:00:00Z', time: '00:00' },
          { startsAt: '2026-12-15T01:00:00Z', time: '08:00' },
          { startsAt: '2026-12-15T01:20:00Z', time: '08:20' },
        ],
      },
    ]);
  });

  it('counts the organiser’s meetings by local hour and status', () => {
    const hours = byHour(
      [
        meeting({ meetingId: 'm-1', status: 'Accepted' }),
        meeting({ meetingId: 'm-2', startsAt: '2026-12-15T01:40:00Z' }),
        meeting({ meetingId: 'm-3', startsAt: '2026-12-15T02:00:00Z', status: 'Declined' }),
      ],
      HANOI,
    );
    expect(hours.map((h) => [h.day, h.hour, h.items.length])).toEqual([
      ['2026-12-15', '08', 2],
      ['2026-12-15', '09', 1],
    ]);
    expect(hours[0].counts).toMatchObject({ Accepted: 1, Requested: 1, Declined: 0 });
  });

  it('lays a plan out by slot and rates it against its bound', () => {
    const item = { buyerId: 'b-1', producerId: 'p-1', startsAt: '2026-12-15T01:00:00Z', place: { capacity: 1, table: 'T-p-1' }, score: 80 };
    const slots = planBySlot([{ ...item, startsAt: '2026-12-15T01:20:00+00:00' }, item, { ...item, buyerId: 'b-2' }], HANOI);
    expect(slots.map((s) => [s.time, s.items.length])).toEqual([
      ['08:00', 2],
      ['08:20', 1],
    ]);
    expect(optimality(180, 200)).toBe(90);
    expect(optimality(0, 0)).toBe(100);
  });
});
