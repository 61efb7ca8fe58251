import { describe, expect, it } from 'vitest';
import { normalizeDocument, schemaTypes } from '../../scripts/openapi.mjs';
import snapshot from './openapi.json?raw';
import committedTypes from './schema.d.ts?raw';

const STALE = 'stale generated contract: run scripts/gen-api.sh (or `node scripts/openapi.mjs FETCHED.json` in web/)';

describe('the generated contract', () => {
  it('is the committed OpenAPI snapshot, in its normal form', () => {
    expect(snapshot, STALE).toBe(normalizeDocument(JSON.parse(snapshot) as object));
  });

  it('has the types openapi-typescript makes from the snapshot', async () => {
    expect(committedTypes, STALE).toBe(await schemaTypes(JSON.parse(snapshot) as object));
  }, 30_000);
});
