// The buyer's profile page (/buyer): the saved profile as a form, the server's rules checked once the buyer tries to
// save (no error before they act), the server's refusals beside their fields in the user's language, and the need
// list (add, remove) with chips for keywords, certifications and markets.

import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/api';
import {
  BUYER_LIMITS,
  buyerToForm,
  emptyNeed,
  formToRequest,
  validateBuyer,
  withoutErrorsAt,
  type BuyerForm,
  type NeedForm,
  type RepresentativeForm,
} from '../lib/buyers';
import { buyerKeys, buyersApi, myBuyerQuery } from '../lib/buyersApi';
import type { FieldErrors } from '../lib/catalogue';
import { fieldErrorsOf } from '../lib/forms';

type ProfileField = 'organisation' | 'kind' | 'province' | 'contact';

/** Field paths the page shows for a form like `f`; a server error elsewhere is shown above the form. */
export function shownFields(f: BuyerForm): string[] {
  const out = ['organisation', 'kind', 'province', 'contact', 'representatives', 'needs'];
  f.representatives.forEach((_, i) => out.push(`representatives[${i}].name`, `representatives[${i}].phone`));
  f.needs.forEach((_, i) => {
    const at = `needs[${i}]`;
    out.push(
      `${at}.keywords`,
      `${at}.groups`,
      `${at}.minStars`,
      `${at}.certifications`,
      `${at}.quantityPerMonth.quantity`,
      `${at}.quantityPerMonth.unit`,
      `${at}.priceBandVnd`,
      `${at}.priceBandVnd.min`,
      `${at}.priceBandVnd.max`,
      `${at}.priceBandVnd.per`,
      `${at}.markets`,
    );
  });
  return out;
}

export function useBuyerProfile(displayName = '') {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const loaded = useQuery(myBuyerQuery());
  const [values, setValues] = useState<BuyerForm | null>(null);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  // The saved profile once loaded (or a fresh form); a reload later does not overwrite what is being typed.
  useEffect(() => {
    if (values === null && loaded.isSuccess) setValues(buyerToForm(loaded.data, displayName));
  }, [values, loaded.isSuccess, loaded.data, displayName]);

  const ownErrors = useMemo(() => (values ? validateBuyer(values) : {}), [values]);
  /** Shown errors: the form's own once a save was tried, then the server's. */
  const errors: FieldErrors = useMemo(() => (tried ? { ...ownErrors, ...serverErrors } : serverErrors), [tried, ownErrors, serverErrors]);

  const change = useCallback((update: (f: BuyerForm) => BuyerForm, path: string) => {
    setValues((v) => (v ? update(v) : v));
    setSaved(false);
    // The summary above the save button spoke of the last try; the fields keep their own messages.
    setError(null);
    // A field's refusal holds until it changes.
    setServerErrors((e) => withoutErrorsAt(e, path));
  }, []);

  const set = useCallback(
    <K extends ProfileField>(key: K, value: BuyerForm[K]) => change((f) => ({ ...f, [key]: value }), key),
    [change],
  );

  const setRepresentative = useCallback(
    (index: number, patch: Partial<RepresentativeForm>) =>
      change(
        (f) => ({ ...f, representatives: f.representatives.map((r, i) => (i === index ? { ...r, ...patch } : r)) }),
        `representatives[${index}]`,
      ),
    [change],
  );

  const addRepresentative = useCallback(
    () =>
      change(
        (f) =>
          f.representatives.length >= BUYER_LIMITS.maxRepresentatives
            ? f
            : { ...f, representatives: [...f.representatives, { name: '', phone: '' }] },
        'representatives',
      ),
    [change],
  );

  // Removing a row moves the rows after it: their refusals no longer match, so all of that list's go.
  const removeRepresentative = useCallback(
    (index: number) =>
      change((f) => ({ ...f, representatives: f.representatives.filter((_, i) => i !== index) }), 'representatives'),
    [change],
  );

  const setNeed = useCallback(
    (index: number, patch: Partial<NeedForm>) => {
      const field = Object.keys(patch)[0] ?? '';
      const path =
        field === 'quantity' || field === 'unit'
          ? `needs[${index}].quantityPerMonth`
          : field.startsWith('price')
            ? `needs[${index}].priceBandVnd`
            : field === 'groups'
              ? `needs[${index}]` // keywords or groups: either answers "give one of them"
              : `needs[${index}].${field}`;
      change((f) => ({ ...f, needs: f.needs.map((n, i) => (i === index ? { ...n, ...patch } : n)) }), path);
    },
    [change],
  );

  const addNeed = useCallback(
    () => change((f) => (f.needs.length >= BUYER_LIMITS.maxNeeds ? f : { ...f, needs: [...f.needs, emptyNeed()] }), 'needs'),
    [change],
  );

  const removeNeed = useCallback(
    (index: number) => change((f) => ({ ...f, needs: f.needs.filter((_, i) => i !== index) }), 'needs'),
    [change],
  );

  const save = useCallback(async () => {
    if (!values) return;
    setTried(true);
    setError(null);
    setSaved(false);
    if (Object.keys(validateBuyer(values)).length > 0) {
      setError(t('form.fixErrors'));
      return;
    }
    setBusy(true);
    try {
      const buyer = await buyersApi.save(formToRequest(values));
      queryClient.setQueryData(buyerKeys.me, buyer);
      // The saved form carries the needs' ids, so saving again keeps them.
      setValues(buyerToForm(buyer, displayName));
      setServerErrors({});
      setTried(false);
      setSaved(true);
    } catch (e) {
      const fields = fieldErrorsOf(e);
      setServerErrors(fields);
      const shown = new Set(shownFields(values));
      const rest = Object.entries(fields)
        .filter(([key]) => !shown.has(key))
        .flatMap(([, messages]) => messages);
      setError(rest.length ? rest.join(' ') : Object.keys(fields).length ? t('form.fixErrors') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  }, [values, queryClient, displayName, t]);

  return {
    loading: loaded.isPending,
    loadError: loaded.error,
    isNew: loaded.isSuccess && loaded.data === null,
    values,
    errors,
    error,
    busy,
    saved,
    set,
    setRepresentative,
    addRepresentative,
    removeRepresentative,
    setNeed,
    addNeed,
    removeNeed,
    save,
  };
}
