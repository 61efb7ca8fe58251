import { describe, expect, it } from 'vitest';
import {
  asOf,
  dealActions,
  dealTotals,
  diffVersions,
  emptyDealForm,
  formToNewDeal,
  formToTerms,
  formTotals,
  groupDeals,
  isDeal,
  sideIn,
  termsToForm,
  todayIn,
  upsertDeal,
  validateDealForm,
  waitingFor,
  type DealForm,
} from './deals';
import { retriable, withKey } from './dealsApi';
import { ApiError } from './api';
import { deal, line, terms } from '../test/deals';

const form = (over: Partial<DealForm> = {}): DealForm => ({
  ...emptyDealForm(),
  lines: [{ productId: 'p-rice', quantity: '2', unit: 'tan', unitPrice: '30.000.000', months: '' }],
  ...over,
});

describe('deal form checks', () => {
  it('accepts a complete line', () => {
    expect(validateDealForm(form(), ['p-rice'])).toEqual({});
  });

  it('names each problem by the server’s field path', () => {
    const errors = validateDealForm(
      form({
        lines: [
          { productId: '', quantity: '-1', unit: 'kg', unitPrice: '10000', months: '' },
          { productId: 'p-other', quantity: '0', unit: 'barrel', unitPrice: '12.5', months: '61' },
          { productId: 'p-rice', quantity: '2000000000', unit: 'kg', unitPrice: '200.000.000.000', months: '0' },
        ],
        market: 'export',
        marketName: 'Japan',
        validFrom: '2027-02-01',
        validTo: '2027-01-01',
      }),
      ['p-rice'],
    );
    expect(errors).toEqual({
      'lines[0].productId': ['required'],
      'lines[0].quantity': ['invalidNumber'],
      'lines[1].productId': ['dealNotYourProduct'],
      'lines[1].quantity': ['outOfRange'],
      'lines[1].unit': ['unknownUnit'],
      'lines[1].unitPriceVnd': ['wholeVnd'],
      'lines[1].months': ['outOfRange'],
      'lines[2].quantity': ['outOfRange'],
      'lines[2].unitPriceVnd': ['outOfRange'],
      'lines[2].months': ['outOfRange'],
      'market.name': ['invalidCountry'],
      validTo: ['endsBeforeStart'],
    });
  });

  it('needs a line, and a province when the market is in Vietnam', () => {
    expect(validateDealForm(form({ lines: [], market: 'vn', marketName: ' ' }))).toEqual({
      lines: ['required'],
      'market.name': ['required'],
    });
  });

  it('sends the terms the server takes: numbers, months or one-off, the market’s code upper-cased', () => {
    const f = form({
      lines: [
        { productId: 'p-rice', quantity: '1,5', unit: 'tan', unitPrice: '28.000.000', months: '6' },
        { productId: 'p-wine', quantity: '200', unit: 'bottle', unitPrice: '150000', months: '' },
      ],
      market: 'export',
      marketName: 'jp',
      deliveryTerms: '  ',
    });
    expect(formToTerms(f)).toEqual({
      kind: 'Memorandum',
      lines: [
        { productId: 'p-rice', quantity: 1.5, unit: 'tan', unitPriceVnd: 28_000_000, months: 6 },
        { productId: 'p-wine', quantity: 200, unit: 'bottle', unitPriceVnd: 150_000, months: null },
      ],
      deliveryTerms: null,
      market: { export: true, name: 'JP' },
      validFrom: null,
      validTo: null,
    });
    expect(formToNewDeal(f, { producerId: 'prod-1', buyerId: 'buyer-1', meetingId: 'm-1' })).toMatchObject({
      producerId: 'prod-1',
      buyerId: 'buyer-1',
      meetingId: 'm-1',
    });
  });

  it('reads a deal’s terms back into the form unchanged', () => {
    const t = terms({ lines: [line({ months: 12 }), line({ productId: 'p-wine', unit: 'bottle', quantity: 300, unitPriceVnd: 120_000 })] });
    const again = formToTerms(termsToForm(t));
    expect(again).toEqual({
      kind: t.kind,
      lines: t.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unit: l.unit, unitPriceVnd: l.unitPriceVnd, months: l.months ?? null })),
      deliveryTerms: t.deliveryTerms,
      market: t.market,
      validFrom: t.validFrom,
      validTo: t.validTo,
    });
  });
});

describe('totals', () => {
  it('adds VND over every line and month, tonnes only over mass units, other units apart by unit', () => {
    const totals = dealTotals([
      line({ quantity: 2, unit: 'tan', unitPriceVnd: 30_000_000 }),
      line({ quantity: 500, unit: 'kg', unitPriceVnd: 40_000, months: 6 }),
      line({ quantity: 3, unit: 'ta', unitPriceVnd: 2_000_000 }),
      line({ quantity: 1000, unit: 'piece', unitPriceVnd: 3_000, months: 3 }),
      line({ quantity: 200, unit: 'bottle', unitPriceVnd: 150_000 }),
      line({ quantity: 500, unit: 'ml', unitPriceVnd: 100 }),
      line({ quantity: 2, unit: 'l', unitPriceVnd: 50_000, months: 2 }),
    ]);
    expect(totals.vnd).toBe(60_000_000 + 120_000_000 + 6_000_000 + 9_000_000 + 30_000_000 + 50_000 + 200_000);
    // 2 t + 3 t (500 kg × 6) + 0.3 t: eggs, bottles and litres are not tonnes.
    expect(totals.tonnes).toBe(5.3);
    expect(totals.otherUnits).toEqual({ bottle: 200, l: 4.5, piece: 3000 });
  });

  it('previews the form as typed, skipping lines that do not read yet', () => {
    const f = form({
      lines: [
        { productId: 'p-rice', quantity: '1,5', unit: 'tan', unitPrice: '10.000.000', months: '2' },
        { productId: 'p-rice', quantity: 'abc', unit: 'kg', unitPrice: '1', months: '' },
      ],
    });
    expect(formTotals(f)).toEqual({ vnd: 30_000_000, tonnes: 3, otherUnits: {} });
  });
});

describe('versions side by side', () => {
  it('pairs lines by product and says which fields changed', () => {
    const v1 = { version: 1, terms: terms({ lines: [line(), line({ productId: 'p-wine', unit: 'bottle', quantity: 100 })] }) };
    const v2 = {
      version: 2,
      terms: terms({ deliveryTerms: 'Giao tại kho Hòa Bình', lines: [line({ productId: 'p-wine', unit: 'bottle', quantity: 100 }), line({ quantity: 3 }), line({ productId: 'p-tea' })] }),
    };
    const d = diffVersions(v2, v1);
    expect(d.before).toBe(1);
    expect(d.after).toBe(2);
    expect(d.fields).toEqual(['deliveryTerms']);
    expect(d.lines.map((l) => [l.before?.productId ?? null, l.after?.productId ?? null, l.changed])).toEqual([
      ['p-wine', 'p-wine', []],
      ['p-rice', 'p-rice', ['quantity']],
      [null, 'p-tea', ['productId', 'quantity', 'unit', 'unitPriceVnd', 'months']],
    ]);
    expect(d.changed).toBe(true);
  });

  it('shows a removed line and nothing else for equal terms', () => {
    const v1 = { version: 1, terms: terms({ lines: [line(), line({ productId: 'p-tea' })] }) };
    const v2 = { version: 2, terms: terms() };
    expect(diffVersions(v1, v2).lines.at(-1)).toMatchObject({ before: { productId: 'p-tea' }, after: null });
    expect(diffVersions(v1, { ...v1, version: 2 }).changed).toBe(false);
    expect(diffVersions(v1, { version: 2, terms: terms({ lines: v1.terms.lines, market: { export: true, name: 'JP' } }) }).fields).toEqual(['market']);
  });
});

describe('what a side may do', () => {
  const sig = (side: 'Buyer' | 'Producer', version: number) => ({ side, userId: 'u', version, at: '2026-12-15T02:00:00Z' });

  it('offers a draft’s writer sign, propose, change and cancel', () => {
    expect(dealActions(deal(), 'Buyer')).toEqual(['sign', 'propose', 'change', 'cancel']);
    expect(waitingFor(deal(), 'Buyer')).toBe('both');
  });

  it('does not offer signing a version this side already signed; a signature on an older version does not count', () => {
    const d = deal({ status: 'Proposed', version: 2, signatures: [sig('Buyer', 2), sig('Producer', 1)] });
    expect(dealActions(d, 'Buyer')).toEqual(['change', 'cancel']);
    expect(dealActions(d, 'Producer')).toEqual(['sign', 'change', 'cancel']);
    expect(waitingFor(d, 'Buyer')).toBe('them');
    expect(waitingFor(d, 'Producer')).toBe('you');
  });

  it('after both signed: change (a new version), follow-ups and prices — no cancelling; nothing once cancelled', () => {
    const signed = deal({ status: 'Signed', signatures: [sig('Buyer', 1), sig('Producer', 1)] });
    expect(dealActions(signed, 'Producer')).toEqual(['change', 'followUp', 'showPrices']);
    expect(waitingFor(signed, 'Producer')).toBeNull();
    expect(dealActions(deal({ status: 'Cancelled' }), 'Buyer')).toEqual([]);
  });

  it('is Active once a signed deal’s validity has begun', () => {
    expect(asOf(deal({ status: 'Signed' }), '2026-12-31').status).toBe('Signed');
    expect(asOf(deal({ status: 'Signed' }), '2027-01-01').status).toBe('Active');
    expect(asOf(deal({ status: 'Signed', terms: terms({ validFrom: null }) }), '2020-01-01').status).toBe('Active');
    expect(asOf(deal({ status: 'Proposed' }), '2027-06-01').status).toBe('Proposed');
  });

  it('knows the side of the signed-in user', () => {
    expect(sideIn(deal(), { buyerId: 'buyer-1' })).toBe('Buyer');
    expect(sideIn(deal(), { producerId: 'prod-1' })).toBe('Producer');
    expect(sideIn(deal(), { producerId: 'prod-2' })).toBeNull();
    expect(sideIn(deal(), null)).toBeNull();
  });
});

describe('the list', () => {
  it('groups by status, latest change first', () => {
    const groups = groupDeals([
      deal({ dealId: 'a', status: 'Proposed', updatedAt: '2026-12-15T01:00:00Z' }),
      deal({ dealId: 'b', status: 'Active' }),
      deal({ dealId: 'c', status: 'Proposed', updatedAt: '2026-12-15T03:00:00Z' }),
      deal({ dealId: 'd', status: 'Cancelled' }),
      deal({ dealId: 'e', status: 'Signed' }),
    ]);
    expect(groups.open.map((d) => d.dealId)).toEqual(['c', 'a']);
    expect(groups.signed.map((d) => d.dealId).sort()).toEqual(['b', 'e']);
    expect(groups.draft).toEqual([]);
    expect(groups.cancelled.map((d) => d.dealId)).toEqual(['d']);
  });

  it('keeps the newer revision of a deal when an older event arrives late', () => {
    const list = [deal({ revision: 5, version: 2 })];
    expect(upsertDeal(list, deal({ revision: 4 }))[0].revision).toBe(5);
    expect(upsertDeal(list, deal({ revision: 6, version: 3 }))[0].version).toBe(3);
    expect(upsertDeal(list, deal({ dealId: 'd-2' }))).toHaveLength(2);
    expect(isDeal(deal())).toBe(true);
    expect(isDeal({ meetingId: 'm' })).toBe(false);
  });

  it('reads today in the fair’s zone', () => {
    expect(todayIn('Asia/Ho_Chi_Minh', Date.parse('2026-12-14T17:30:00Z'))).toBe('2026-12-15');
  });
});

describe('keyed writes', () => {
  it('retries a lost answer with the same key, and not a refusal', async () => {
    const keys: string[] = [];
    let calls = 0;
    const result = await withKey(
      async (k) => {
        keys.push(k);
        if (++calls < 3) throw new TypeError('Failed to fetch');
        return 'ok';
      },
      'key-1',
      [0, 0],
    );
    expect(result).toBe('ok');
    expect(keys).toEqual(['key-1', 'key-1', 'key-1']);

    let refused = 0;
    await expect(
      withKey(
        async () => {
          refused++;
          throw new ApiError(409, { code: 'deal.versionChanged' });
        },
        undefined,
        [0, 0],
      ),
    ).rejects.toBeInstanceOf(ApiError);
    expect(refused).toBe(1);
    expect(retriable(new ApiError(503, {}))).toBe(true);
    expect(retriable(new ApiError(400, {}))).toBe(false);
  });
});
