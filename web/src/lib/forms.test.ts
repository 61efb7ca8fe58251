import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { fieldErrorsOf, normaliseFieldKey, unplacedErrors } from './forms';

describe('field errors', () => {
  it('normalises keys to the form field paths', () => {
    expect(normaliseFieldKey('name')).toBe('name');
    expect(normaliseFieldKey('Name')).toBe('name');
    expect(normaliseFieldKey('$.CapacityPerMonth.Quantity')).toBe('capacityPerMonth.quantity');
    expect(normaliseFieldKey('ShopLinks[0].Url')).toBe('shopLinks[0].url');
  });

  it('reads them from a 400 problem and ignores other errors', () => {
    const error = new ApiError(400, {
      title: 'Dữ liệu không hợp lệ',
      status: 400,
      errors: { Name: ['Bắt buộc nhập.'], phone: ['Số điện thoại không hợp lệ.'], district: [] },
    });
    expect(fieldErrorsOf(error)).toEqual({ name: ['Bắt buộc nhập.'], phone: ['Số điện thoại không hợp lệ.'] });
    expect(fieldErrorsOf(new Error('x'))).toEqual({});
    expect(fieldErrorsOf(new ApiError(409, { title: 'Conflict' }))).toEqual({});
    expect(unplacedErrors({ name: ['a'], other: ['b', 'c'] }, ['name'])).toEqual(['b', 'c']);
  });
});
