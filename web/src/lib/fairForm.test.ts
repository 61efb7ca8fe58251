import { describe, expect, it } from 'vitest';
import {
  fairToValues,
  instantToZoned,
  isKnownTimeZone,
  newFairValues,
  validateFair,
  valuesToRequest,
  zonedToInstant,
  zoneOffsetLabel,
  type FairFormValues,
} from './fairForm';
import type { FairDetails } from './types';

const valid = (): FairFormValues => ({
  name: 'Hội chợ OCOP Hòa Bình',
  venue: 'Quảng trường Hòa Bình',
  province: 'Hòa Bình',
  timeZone: 'Asia/Ho_Chi_Minh',
  startsAt: '2027-03-10T08:00',
  endsAt: '2027-03-12T17:00',
  registrationOpensAt: '2027-01-01T08:00',
  registrationClosesAt: '2027-03-01T17:00',
  minStars: 3,
  acceptedGroups: ['Food', 'Herbal'],
  boothsPerProducer: '2',
  holdMinutes: '15',
  allocationMode: 'FirstCome',
});

describe('fair times in the fair’s zone', () => {
  it('reads a wall-clock time in Hanoi as 7 hours ahead of UTC', () => {
    expect(new Date(zonedToInstant('2027-03-10T08:00', 'Asia/Ho_Chi_Minh')!).toISOString()).toBe('2027-03-10T01:00:00.000Z');
    expect(instantToZoned('2027-03-10T01:00:00Z', 'Asia/Ho_Chi_Minh')).toBe('2027-03-10T08:00');
    expect(zoneOffsetLabel('Asia/Ho_Chi_Minh')).toBe('UTC+07:00');
  });

  it('follows daylight saving where a zone has it, and round-trips', () => {
    // 09:00 in Berlin is 08:00 UTC in winter and 07:00 UTC in summer.
    expect(new Date(zonedToInstant('2027-01-15T09:00', 'Europe/Berlin')!).toISOString()).toBe('2027-01-15T08:00:00.000Z');
    expect(new Date(zonedToInstant('2027-07-15T09:00', 'Europe/Berlin')!).toISOString()).toBe('2027-07-15T07:00:00.000Z');
    for (const local of ['2027-01-01T00:00', '2027-06-30T23:59', '2028-02-29T12:30']) {
      expect(instantToZoned(zonedToInstant(local, 'America/New_York')!, 'America/New_York')).toBe(local);
    }
  });

  it('refuses what is not a time or a zone', () => {
    expect(zonedToInstant('2027-02-30T08:00', 'UTC')).toBeNull();
    expect(zonedToInstant('', 'UTC')).toBeNull();
    expect(isKnownTimeZone('Asia/Ho_Chi_Minh')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(isKnownTimeZone(' ')).toBe(false);
  });
});

describe('validateFair mirrors FairRules', () => {
  it('passes a whole, ordered fair', () => {
    expect(validateFair(valid())).toEqual({});
    expect(validateFair(newFairValues(Date.UTC(2026, 11, 5)))).toMatchObject({ name: ['required'], venue: ['required'] });
  });

  it('names each field that breaks a rule', () => {
    const errors = validateFair({
      ...valid(),
      name: ' ',
      venue: 'x'.repeat(301),
      timeZone: 'Nowhere/Place',
      endsAt: '2027-03-10T08:00',
      minStars: 2,
      acceptedGroups: [],
      boothsPerProducer: '21',
      holdMinutes: 'abc',
    });
    expect(errors).toEqual({
      name: ['required'],
      venue: ['tooLong'],
      timeZone: ['fairUnknownTimeZone'],
      endsAt: ['fairEndsBeforeStart'],
      minStars: ['starsOutOfRange'],
      acceptedGroups: ['required'],
      boothsPerProducer: ['outOfRange'],
      holdMinutes: ['invalidNumber'],
    });
  });

  it('keeps registration inside its window and before the start', () => {
    expect(validateFair({ ...valid(), registrationClosesAt: '2027-01-01T08:00' }).registrationClosesAt).toEqual(['fairClosesBeforeOpens']);
    expect(validateFair({ ...valid(), registrationClosesAt: '2027-03-10T08:01' }).registrationClosesAt).toEqual(['fairClosesAfterStart']);
    // Closing exactly at the start is allowed, as on the server.
    expect(validateFair({ ...valid(), registrationClosesAt: '2027-03-10T08:00' })).toEqual({});
    expect(validateFair({ ...valid(), startsAt: '1999-12-31T08:00' }).startsAt).toEqual(['outOfRange']);
    expect(validateFair({ ...valid(), holdMinutes: String(7 * 24 * 60 + 1) }).holdMinutes).toEqual(['outOfRange']);
  });
});

describe('the request', () => {
  it('sends instants, trimmed text, numbers and the groups in the server’s order', () => {
    const body = valuesToRequest({ ...valid(), name: '  Hội chợ  ', acceptedGroups: ['Herbal', 'Food'] });
    expect(body).toMatchObject({
      name: 'Hội chợ',
      startsAt: '2027-03-10T01:00:00.000Z',
      registrationClosesAt: '2027-03-01T10:00:00.000Z',
      acceptedGroups: ['Food', 'Herbal'],
      boothsPerProducer: 2,
      holdMinutes: 15,
      allocationMode: 'FirstCome',
    });
  });

  it('round-trips a saved fair through the form', () => {
    const request = valuesToRequest(valid());
    const fair = { ...request, fairId: 'f1', status: 'Draft', version: 1, boothCount: 0, organiserId: 'o' } as FairDetails;
    expect(fairToValues(fair)).toEqual({ ...valid(), acceptedGroups: ['Food', 'Herbal'] });
  });
});
