// The app's texts, one JSON file per area in src/i18n/vi and src/i18n/en (core.json, and one more per feature): each
// feature adds its own file, so features grow their texts without touching each other's. The files of a language are
// merged into one tree; two files may not define the same key.

type Tree = { [key: string]: string | Tree };

function merge(into: Tree, from: Tree, file: string, path = ''): Tree {
  for (const [key, value] of Object.entries(from)) {
    const at = path ? `${path}.${key}` : key;
    const existing = into[key];
    if (existing === undefined) into[key] = typeof value === 'string' ? value : merge({}, value, file, at);
    else if (typeof existing !== 'string' && typeof value !== 'string') merge(existing, value, file, at);
    else throw new Error(`The text ${at} is defined twice (again in ${file}).`);
  }
  return into;
}

function language(files: Record<string, { default: Tree }>): Tree {
  return Object.keys(files)
    .sort()
    .reduce((all, file) => merge(all, files[file].default, file), {} as Tree);
}

export type { Tree };
export const vi = language(import.meta.glob<{ default: Tree }>('./vi/*.json', { eager: true }));
export const en = language(import.meta.glob<{ default: Tree }>('./en/*.json', { eager: true }));
