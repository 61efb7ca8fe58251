// Types of scripts/openapi.mjs for the Vitest check that imports it.
export function normalizeDocument(document: object): string;
export function schemaTypes(document: object): Promise<string>;
