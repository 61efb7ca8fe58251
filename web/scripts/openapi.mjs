// One definition of how the web app's contract files are made from the server's OpenAPI document, shared by
// scripts/gen-api.sh (through `node scripts/openapi.mjs`) and the Vitest check that fails when they are stale
// (src/api/schema.test.ts).
import { readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';

const HEADER = '// Generated from src/api/openapi.json by openapi-typescript: do not edit. Refresh with scripts/gen-api.sh.\n\n';

/**
 * The document as committed: without `servers` (the address of whichever server served it) and printed with two
 * spaces, so a regenerated snapshot differs from the last one only where the contract does.
 */
export function normalizeDocument(document) {
  const { servers: _servers, ...rest } = document;
  return `${JSON.stringify(rest, null, 2)}\n`;
}

/** The TypeScript text of the document's types, as committed in src/api/schema.d.ts. */
export async function schemaTypes(document) {
  const ast = await openapiTS(structuredClone(document), { alphabetize: false, exportType: false });
  return HEADER + astToString(ast);
}

// node scripts/openapi.mjs FETCHED.json: writes src/api/openapi.json and src/api/schema.d.ts.
if (import.meta.url === `file://${process.argv[1]}`) {
  const source = process.argv[2];
  if (!source) {
    console.error('usage: node scripts/openapi.mjs path/to/fetched-openapi.json');
    process.exit(2);
  }
  const document = JSON.parse(await readFile(source, 'utf8'));
  const root = new URL('../src/api/', import.meta.url);
  await writeFile(new URL('openapi.json', root), normalizeDocument(document));
  await writeFile(new URL('schema.d.ts', root), await schemaTypes(JSON.parse(normalizeDocument(document))));
  console.log('wrote src/api/openapi.json and src/api/schema.d.ts');
}
