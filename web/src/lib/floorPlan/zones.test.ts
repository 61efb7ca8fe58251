import { describe, expect, it } from 'vitest';
import { addZone, assignZone, removeZone, updateZone } from './zones';
import { toRequest } from './serialization';
import { draft, boothOf } from '../../test/plans';

describe('zones', () => {
  it('assigns booths to a zone, follows a zone renamed, and removes only an empty zone', () => {
    let plan = draft();
    const [a, b] = plan.zones;
    plan = assignZone(plan, [boothOf(plan, 'A01').id], b.id);
    expect(toRequest(plan).booths[0].zone).toBe('B');
    plan = updateZone(plan, b.id, { code: 'DU' });
    expect(toRequest(plan).booths.filter((x) => x.zone === 'DU').map((x) => x.code)).toEqual(['A01', 'B01', 'B02']);
    expect(removeZone(plan, a.id)).toBe(plan);
    const { plan: withC, id } = addZone(plan, ['Herbal']);
    expect(withC.zones.at(-1)).toMatchObject({ id, code: 'B', groups: ['Herbal'] });
    expect(removeZone(withC, id).zones).toHaveLength(2);
  });
});
