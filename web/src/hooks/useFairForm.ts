// The organiser's fair form (/fairs/new and /fairs/{fairId}/edit): the values, the rules the server will apply
// checked as the organiser types (save stays off, with the reasons beside their fields), and the server's own
// refusals per field in the user's language.

import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../lib/api';
import type { FieldErrors } from '../lib/catalogue';
import { fairToValues, newFairValues, validateFair, valuesToRequest, type FairFormValues } from '../lib/fairForm';
import { fieldErrorsOf, unplacedErrors } from '../lib/forms';
import { fairQuery, keys } from '../lib/queries';
import type { FairDetails } from '../lib/types';

export const FAIR_FIELDS = [
  'name',
  'venue',
  'province',
  'timeZone',
  'startsAt',
  'endsAt',
  'registrationOpensAt',
  'registrationClosesAt',
  'minStars',
  'acceptedGroups',
  'boothsPerProducer',
  'holdMinutes',
  'allocationMode',
] as const;

/** `fairId` edits that fair; without it the form makes a new one. */
export function useFairForm(fairId?: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const editing = !!fairId;
  const loaded = useQuery({ ...fairQuery(fairId ?? ''), enabled: editing });
  const [values, setValues] = useState<FairFormValues | null>(() => (editing ? null : newFairValues()));
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<FairDetails | null>(null);
  // Once created, saving again edits that fair rather than making another.
  const [createdId, setCreatedId] = useState<string | null>(null);

  // The fair to edit, once loaded; a later reload does not overwrite what is being typed.
  useEffect(() => {
    if (editing && loaded.data && values === null) setValues(fairToValues(loaded.data));
  }, [editing, loaded.data, values]);

  const problems = useMemo(() => (values ? validateFair(values) : {}), [values]);
  const errors: FieldErrors = useMemo(() => ({ ...problems, ...serverErrors }), [problems, serverErrors]);
  const canSave = !!values && Object.keys(problems).length === 0 && !busy;

  const set = useCallback(<K extends keyof FairFormValues>(key: K, value: FairFormValues[K]) => {
    setValues((v) => (v ? { ...v, [key]: value } : v));
    setSaved(null);
    setServerErrors((e) => {
      // Date refusals are about the dates together: any date change clears them all.
      const related = key.endsWith('At') ? ['startsAt', 'endsAt', 'registrationOpensAt', 'registrationClosesAt'] : [key];
      if (!related.some((k) => e[k])) return e;
      const rest = { ...e };
      for (const k of related) delete rest[k];
      return rest;
    });
  }, []);

  const save = useCallback(async () => {
    if (!values || Object.keys(validateFair(values)).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const body = valuesToRequest(values);
      const target = fairId ?? createdId;
      const fair = target ? await api.updateFair(target, body) : await api.createFair(body);
      setCreatedId(fair.fairId);
      queryClient.setQueryData(keys.fair(fair.fairId), fair);
      void queryClient.invalidateQueries({ queryKey: keys.fairs, exact: true });
      setServerErrors({});
      setSaved(fair);
    } catch (e) {
      const fields = fieldErrorsOf(e);
      setServerErrors(fields);
      const rest = unplacedErrors(fields, FAIR_FIELDS);
      setError(rest.length ? rest.join(' ') : Object.keys(fields).length ? t('form.fixErrors') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  }, [values, fairId, createdId, queryClient, t]);

  return {
    editing,
    fair: loaded.data ?? null,
    loadError: loaded.error,
    notFound: loaded.error && 'status' in loaded.error && loaded.error.status === 404,
    values,
    set,
    errors,
    problemCount: Object.keys(problems).length,
    canSave,
    busy,
    error,
    saved,
    save,
  };
}
