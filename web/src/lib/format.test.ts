import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, formatDateTime, formatVnd } from './format';

describe('formatVnd', () => {
  it('formats Vietnamese style', () => {
    expect(formatVnd(1250000, 'vi')).toBe('1.250.000 ₫');
    expect(formatVnd(0, 'vi')).toBe('0 ₫');
    expect(formatVnd(999, 'vi')).toBe('999 ₫');
    expect(formatVnd(1000, 'vi')).toBe('1.000 ₫');
    expect(formatVnd(12_345_678_901, 'vi')).toBe('12.345.678.901 ₫');
    expect(formatVnd(-50000, 'vi')).toBe('-50.000 ₫');
  });

  it('formats English style', () => {
    expect(formatVnd(1250000, 'en')).toBe('VND 1,250,000');
    expect(formatVnd(0, 'en')).toBe('VND 0');
    expect(formatVnd(12_345_678_901, 'en')).toBe('VND 12,345,678,901');
    expect(formatVnd(-50000, 'en')).toBe('-VND 50,000');
  });

  it('rounds stray fractions', () => {
    expect(formatVnd(1499.6, 'vi')).toBe('1.500 ₫');
  });
});

describe('dates in Asia/Ho_Chi_Minh', () => {
  it('shows dd/MM/yyyy in the fair zone, not UTC', () => {
    // 18:30 UTC is 01:30 the next day in Vietnam (UTC+7).
    expect(formatDate('2025-03-14T18:30:00Z')).toBe('15/03/2025');
    expect(formatDate('2025-03-14T16:59:59Z', 'Asia/Ho_Chi_Minh')).toBe('14/03/2025');
    expect(formatDate('2025-12-31T17:00:00+00:00', 'Asia/Ho_Chi_Minh')).toBe('01/01/2026');
    expect(formatDate('2025-03-15T08:00:00+07:00', 'Asia/Ho_Chi_Minh')).toBe('15/03/2025');
  });

  it('shows 24-hour times', () => {
    expect(formatDateTime('2025-03-14T18:30:00Z', 'Asia/Ho_Chi_Minh')).toBe('01:30 15/03/2025');
    expect(formatDateTime('2025-03-14T05:05:00Z', 'Asia/Ho_Chi_Minh')).toBe('12:05 14/03/2025');
  });

  it('formats ranges and collapses a one-day range', () => {
    expect(formatDateRange('2025-03-15T01:00:00Z', '2025-03-18T10:00:00Z')).toBe('15/03/2025 – 18/03/2025');
    expect(formatDateRange('2025-03-15T01:00:00Z', '2025-03-15T10:00:00Z')).toBe('15/03/2025');
  });

  it('falls back to Vietnam for an unknown zone and blanks bad input', () => {
    expect(formatDate('2025-03-14T18:30:00Z', 'Not/A_Zone')).toBe('15/03/2025');
    expect(formatDate('not a date')).toBe('');
  });
});
