// Field errors from RFC 9457 problem details, keyed the way the forms name
// their fields (camelCase paths such as "capacityPerMonth.quantity" or
// "shopLinks[0].url"), whatever casing or "$." prefix the server used.

import { ApiError } from './api';
import type { FieldErrors } from './catalogue';

function camel(segment: string): string {
  return segment ? segment[0].toLowerCase() + segment.slice(1) : segment;
}

/** "$.CapacityPerMonth.Quantity" → "capacityPerMonth.quantity"; "ShopLinks[0].Url" → "shopLinks[0].url". */
export function normaliseFieldKey(key: string): string {
  return key
    .replace(/^\$\.?/, '')
    .split('.')
    .map(camel)
    .join('.');
}

export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || !error.problem.errors) return {};
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(error.problem.errors)) {
    if (!Array.isArray(messages) || messages.length === 0) continue;
    (out[normaliseFieldKey(key)] ??= []).push(...messages.map(String));
  }
  return out;
}

/** Errors for fields the form does not show, so they are not lost. */
export function unplacedErrors(errors: FieldErrors, shown: readonly string[]): string[] {
  const placed = new Set(shown);
  return Object.entries(errors)
    .filter(([key]) => !placed.has(key))
    .flatMap(([, messages]) => messages);
}
