// The organiser's schedule-all as data and actions, so SchedulePage is markup: a dry run (the solver may take ~10 s,
// so the page shows progress), the plan by slot and its unplaced wishes, then publishing that plan with one
// Idempotency-Key made when the plan arrived: a double click or a retry sends the same key, and the server answers
// the first outcome again instead of placing anything twice.

import { useMemo, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, newIdempotencyKey } from '../lib/api';
import { managesFair, useAuth } from '../lib/auth';
import { optimality, planBySlot } from '../lib/meetings';
import { meetingsApi, type SchedulePlan } from '../lib/meetingsApi';
import { fairQuery } from '../lib/queries';
import { matchKeys } from './useMatches';

export const DEFAULT_PER_BUYER = 5;

export function useSchedule(fairId: string) {
  const queryClient = useQueryClient();
  const { me } = useAuth();
  const fair = useQuery(fairQuery(fairId)).data ?? null;
  const [perBuyer, setPerBuyer] = useState(DEFAULT_PER_BUYER);
  const [plan, setPlan] = useState<SchedulePlan | null>(null);
  const [published, setPublished] = useState<SchedulePlan | null>(null);
  /** The key for publishing the plan shown: made once per plan, reused by every retry of it. */
  const key = useRef<string | null>(null);
  /** True from a publish click until its answer, so a second click in the same moment sends nothing. */
  const inFlight = useRef(false);
  /** The wishes per buyer the plan shown was made with: publishing asks for that plan, whatever the field says now. */
  const planPerBuyer = useRef(DEFAULT_PER_BUYER);

  const dryRun = useMutation({
    mutationFn: (n: number) => meetingsApi.schedule(fairId, true, n),
    onMutate: () => setPublished(null),
    onSuccess: (answer, n) => {
      key.current = newIdempotencyKey();
      planPerBuyer.current = n;
      setPlan(answer);
    },
  });

  const publish = useMutation({
    mutationFn: (idempotencyKey: string) => meetingsApi.schedule(fairId, false, planPerBuyer.current, idempotencyKey),
    onSettled: () => {
      inFlight.current = false;
    },
    onSuccess: (answer) => {
      setPublished(answer);
      void queryClient.invalidateQueries({ queryKey: matchKeys.meetings(fairId) });
    },
  });

  const timeZone = fair?.timeZone;
  const slots = useMemo(() => (plan ? planBySlot(plan.meetings, timeZone) : null), [plan, timeZone]);
  const createdSlots = useMemo(() => (published ? planBySlot(published.meetings, timeZone) : null), [published, timeZone]);

  return {
    fair,
    allowed: managesFair(me, fair),
    perBuyer,
    setPerBuyer: (n: number) => setPerBuyer(Math.max(1, Math.min(20, Math.round(n) || DEFAULT_PER_BUYER))),
    plan,
    slots,
    optimality: plan ? optimality(plan.objective, plan.bound) : null,
    running: dryRun.isPending,
    runError: dryRun.error ? errorMessage(dryRun.error) : null,
    run: () => {
      if (!dryRun.isPending) dryRun.mutate(perBuyer);
    },
    /** Publishes the plan shown; while a publish is on its way another click does nothing, and a retry keeps the key. */
    publish: () => {
      if (!plan || !key.current || inFlight.current || published) return;
      inFlight.current = true;
      publish.mutate(key.current);
    },
    publishing: publish.isPending,
    publishError: publish.error ? errorMessage(publish.error) : null,
    published,
    createdSlots,
  };
}
