import { describe, expect, it } from 'vitest';
import vi from './vi.json';
import en from './en.json';

type Tree = { [key: string]: string | Tree };

/** Leaf keys with plural suffixes folded ("minutes_one" and "minutes_other" → "minutes"). */
function keys(tree: Tree, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.add(path.replace(/_(zero|one|two|few|many|other)$/, ''));
    else for (const sub of keys(v, path)) out.add(sub);
  }
  return out;
}

describe('translations', () => {
  it('has every string in both Vietnamese and English', () => {
    const a = keys(vi as Tree);
    const b = keys(en as Tree);
    expect([...a].filter((k) => !b.has(k))).toEqual([]);
    expect([...b].filter((k) => !a.has(k))).toEqual([]);
  });
});
