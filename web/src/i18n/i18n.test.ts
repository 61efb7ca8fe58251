import { describe, expect, it } from 'vitest';
import { en, vi, type Tree } from './messages';

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
    const a = keys(vi);
    const b = keys(en);
    expect([...a].filter((k) => !b.has(k))).toEqual([]);
    expect([...b].filter((k) => !a.has(k))).toEqual([]);
  });
});
