// The organiser's review queue as data and actions, so ReviewPage is markup: the fair's applications under the
// filters kept in the address (?status=&district=…), one row's or many rows' decisions (mutations that write their
// answers into the cached list and mark the fair's other lists stale), and the row selection for bulk actions.

import { useCallback, useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../lib/api';
import {
  EMPTY_FILTERS,
  applicationsReducer,
  districtsOf,
  filtersFromQuery,
  filtersToParams,
  filtersToQuery,
  pruneSelection,
  selectionAfterBulk,
  toggleAll,
  toggleSelection,
  type ApplicationsAction,
  type ReviewFilters,
  type Selection,
} from '../lib/applications';
import { applicationsQuery, fairQuery, keys, floorQuery } from '../lib/queries';
import type { Application, ReviewAction } from '../lib/types';

const EMPTY: Selection = new Set<string>();
/** Typing a district asks the server once the typing pauses this long. */
export const DISTRICT_DEBOUNCE_MS = 400;

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const next = { ...record };
  delete next[key];
  return next;
}

export function useReviewQueue(fairId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const [filters, setFilters] = useState<ReviewFilters>(() => filtersFromQuery(`?${search.toString()}`));
  const [districtText, setDistrictText] = useState(filters.district);
  const [knownDistricts, setKnownDistricts] = useState<string[]>([]);
  const [selection, setSelection] = useState<Selection>(EMPTY);
  const [busy, setBusy] = useState<ReadonlySet<string>>(() => new Set());
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [bulkMessage, setBulkMessage] = useState<string | null>(null);

  const fair = useQuery(fairQuery(fairId)).data ?? null;
  // Booths the organiser placed against a rule show in the queue too, with the reason given.
  const floor = useQuery(floorQuery(queryClient, fairId)).data ?? null;
  const overrides = useMemo(() => (floor?.booths ?? []).filter((b) => b.overrideReason), [floor]);
  const list = applicationsQuery(fairId, filtersToParams(filters));
  const { data, error, refetch } = useQuery(list);
  const items = useMemo(() => (data ? applicationsReducer(null, { type: 'loaded', applications: data }) : null), [data]);
  const query = filtersToQuery(filters);

  useEffect(() => {
    if (districtText === filters.district) return;
    const timer = setTimeout(() => setFilters((f) => ({ ...f, district: districtText })), DISTRICT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [districtText, filters.district]);

  // Keep the filters in the address so a reload or a shared link shows the same queue.
  useEffect(() => {
    if (`?${search.toString()}` === (query || '?')) return;
    setSearch(new URLSearchParams(query), { replace: true, preventScrollReset: true });
  }, [query, search, setSearch]);

  useEffect(() => {
    if (data) setKnownDistricts((old) => [...new Set([...old, ...districtsOf(data)])].sort((a, b) => a.localeCompare(b, 'vi')));
  }, [data]);

  const visibleIds = useMemo(() => (items ?? []).map((a) => a.applicationId), [items]);
  useEffect(() => setSelection((s) => pruneSelection(s, visibleIds)), [visibleIds]);

  /** Writes decisions into the list shown; the fair's lists under other filters are loaded afresh when next shown. */
  const record = useCallback(
    (change: ApplicationsAction) => {
      void queryClient.invalidateQueries({ queryKey: keys.applications(fairId), refetchType: 'none' });
      queryClient.setQueryData<Application[]>(list.queryKey, (old) => applicationsReducer(old ?? null, change) ?? old);
    },
    [queryClient, fairId, list.queryKey],
  );

  const decide = useMutation({
    mutationFn: ({ applicationId, action, reason }: { applicationId: string; action: ReviewAction; reason?: string }) =>
      api.review(fairId, applicationId, action, reason),
    onMutate: ({ applicationId }) => {
      setBusy((b) => new Set(b).add(applicationId));
      setRowErrors((r) => without(r, applicationId));
    },
    onSuccess: (application) => record({ type: 'changed', application, addIfMissing: false }),
    onError: (e, { applicationId }) => setRowErrors((r) => ({ ...r, [applicationId]: errorMessage(e) })),
    onSettled: (_a, _e, { applicationId }) =>
      setBusy((b) => {
        const next = new Set(b);
        next.delete(applicationId);
        return next;
      }),
  });

  const bulk = useMutation({
    mutationFn: ({ action, ids, reason }: { action: ReviewAction; ids: string[]; reason?: string }) =>
      api.bulkReview(fairId, action, ids, reason),
    onMutate: () => setBulkMessage(null),
    onSuccess: ({ results }) => {
      record({ type: 'bulk', results });
      setSelection((s) => selectionAfterBulk(s, results));
      const failed = results.filter((r) => !r.ok);
      setRowErrors((old) => {
        let next = old;
        for (const r of results) next = r.ok ? without(next, r.applicationId) : { ...next, [r.applicationId]: r.error || t('errors.generic') };
        return next;
      });
      setBulkMessage(t('review.bulkDone', { ok: results.length - failed.length, failed: failed.length }));
    },
    onError: (e) => setBulkMessage(errorMessage(e)),
  });

  const selectedIds = visibleIds.filter((id) => selection.has(id));
  const selectedCount = selectedIds.length;

  return {
    fair,
    overrides,
    filters,
    setFilter: (key: keyof ReviewFilters, value: string) => setFilters((f) => ({ ...f, [key]: value })),
    clearFilters: () => {
      setFilters(EMPTY_FILTERS);
      setDistrictText('');
    },
    districtText,
    setDistrictText,
    knownDistricts,
    filtered: query !== '',
    items,
    error: error ? errorMessage(error) : null,
    reload: () => void refetch(),
    selection,
    selectedCount,
    allSelected: visibleIds.length > 0 && selectedCount === visibleIds.length,
    toggleRow: (id: string) => setSelection((s) => toggleSelection(s, id)),
    toggleAllRows: () => setSelection((s) => toggleAll(s, visibleIds)),
    isBusy: (id: string) => busy.has(id) || bulk.isPending,
    rowErrors,
    decide: (applicationId: string, action: ReviewAction, reason?: string) => decide.mutate({ applicationId, action, reason }),
    bulkBusy: bulk.isPending,
    bulkMessage,
    /** Decides every selected row; resolves true when the server answered (with each row's result). */
    decideSelected: async (action: ReviewAction, reason?: string) => {
      if (selectedIds.length === 0) return false;
      return bulk.mutateAsync({ action, ids: selectedIds, reason }).then(
        () => true,
        () => false,
      );
    },
  };
}
