// The organiser's matching hours (/fairs/{fairId}/matching): the days within the fair (its own local dates), the
// hours of each, the slot and request-expiry minutes and a quota per kind of buyer; checked as typed once saving was
// tried, and the server's refusals shown per field.

import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/api';
import {
  fairDates,
  hoursToForm,
  hoursToRequest,
  validateHours,
  withoutErrorsAt,
  type BuyerKind,
  type MatchingDayForm,
  type MatchingHoursForm,
} from '../lib/buyers';
import { buyerKeys, buyersApi, matchingHoursQuery } from '../lib/buyersApi';
import type { FieldErrors } from '../lib/catalogue';
import { fieldErrorsOf } from '../lib/forms';
import { fairQuery } from '../lib/queries';

export function useMatchingHours(fairId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fair = useQuery(fairQuery(fairId));
  const hours = useQuery(matchingHoursQuery(fairId));
  const [values, setValues] = useState<MatchingHoursForm | null>(null);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const dates = useMemo(
    () => (fair.data ? fairDates(fair.data.startsAt, fair.data.endsAt, fair.data.timeZone) : []),
    [fair.data],
  );

  useEffect(() => {
    if (values === null && fair.data && hours.isSuccess) setValues(hoursToForm(hours.data, dates));
  }, [values, fair.data, hours.isSuccess, hours.data, dates]);

  const ownErrors = useMemo(() => (values ? validateHours(values, dates) : {}), [values, dates]);
  const errors = useMemo(() => (tried ? { ...ownErrors, ...serverErrors } : serverErrors), [tried, ownErrors, serverErrors]);

  const change = useCallback((update: (f: MatchingHoursForm) => MatchingHoursForm, path: string) => {
    setValues((v) => (v ? update(v) : v));
    setSaved(false);
    // The summary above the save button spoke of the last try; the fields keep their own messages.
    setError(null);
    setServerErrors((e) => withoutErrorsAt(e, path));
  }, []);

  const set = useCallback(
    (key: 'slotMinutes' | 'requestExpiryMinutes', value: string) => change((f) => ({ ...f, [key]: value }), key),
    [change],
  );
  const setQuota = useCallback(
    (kind: BuyerKind, value: string) => change((f) => ({ ...f, quotas: { ...f.quotas, [kind]: value } }), 'quotas'),
    [change],
  );
  const setDay = useCallback(
    (index: number, patch: Partial<MatchingDayForm>) =>
      change((f) => ({ ...f, days: f.days.map((d, i) => (i === index ? { ...d, ...patch } : d)) }), `days[${index}]`),
    [change],
  );
  const addDay = useCallback(
    () =>
      change((f) => {
        const unused = dates.find((d) => !f.days.some((x) => x.date === d)) ?? '';
        const last = f.days[f.days.length - 1];
        return { ...f, days: [...f.days, { date: unused, from: last?.from ?? '08:30', to: last?.to ?? '11:30' }] };
      }, 'days'),
    [change, dates],
  );
  const removeDay = useCallback((index: number) => change((f) => ({ ...f, days: f.days.filter((_, i) => i !== index) }), 'days'), [change]);

  const save = useCallback(async () => {
    if (!values) return;
    setTried(true);
    setError(null);
    setSaved(false);
    if (Object.keys(validateHours(values, dates)).length > 0) {
      setError(t('form.fixErrors'));
      return;
    }
    setBusy(true);
    try {
      const answer = await buyersApi.saveMatchingHours(fairId, hoursToRequest(values));
      queryClient.setQueryData(buyerKeys.matchingHours(fairId), answer);
      setValues(hoursToForm(answer, dates));
      setServerErrors({});
      setTried(false);
      setSaved(true);
    } catch (e) {
      const fields = fieldErrorsOf(e);
      setServerErrors(fields);
      setError(Object.keys(fields).length ? t('form.fixErrors') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  }, [values, dates, fairId, queryClient, t]);

  return {
    fair: fair.data ?? null,
    loadError: fair.error ?? hours.error,
    dates,
    isNew: hours.isSuccess && hours.data === null,
    values,
    errors,
    error,
    busy,
    saved,
    set,
    setQuota,
    setDay,
    addDay,
    removeDay,
    save,
  };
}
