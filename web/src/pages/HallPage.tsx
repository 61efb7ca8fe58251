// The hall's results screen (issue 18): public, full screen, for a projector at the back of a hall. Huge running
// totals (documents signed, value in tỷ đồng, tonnes) and each signing announced as it happens, one at a time, each
// held on screen a while. Vietnamese first, English beneath in smaller type, whatever the UI language: the hall reads
// both. The board is live through useBoard; the screen retries on its own, as nobody is there to press a button.

import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LiveStatus } from '../components/LiveStatus';
import { useBoard } from '../hooks/useBoard';
import { ApiError } from '../lib/api';
import { addSigning, DEAL_KINDS, signedCount, tonnes, vndParts, type DealAnnouncement } from '../lib/board';
import type { HubConnectionLike } from '../lib/live';
import { fairQuery } from '../lib/queries';

/** How long each signing holds the screen when several come at once. */
export const ANNOUNCE_MS = 8000;
export const HALL_RETRY_MS = 15000;

interface HallPageProps {
  fairId: string;
  hubFactory?: () => Promise<HubConnectionLike>;
}

export function HallPage({ fairId, hubFactory }: HallPageProps) {
  const { t } = useTranslation();
  const vi = useCallback((key: string, options?: Record<string, unknown>) => t(key, { ...options, lng: 'vi' }), [t]);
  const en = useCallback((key: string, options?: Record<string, unknown>) => t(key, { ...options, lng: 'en' }), [t]);
  const { data: fair, error: fairError, refetch: refetchFair } = useQuery(fairQuery(fairId));

  // Signings wait their turn: the newest is announced once the one before has been on screen long enough.
  const queue = useRef<DealAnnouncement[]>([]);
  const [current, setCurrent] = useState<DealAnnouncement | null>(null);
  const [recent, setRecent] = useState<DealAnnouncement[]>([]);
  const shownAt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const next = useCallback(() => {
    timer.current = undefined;
    const s = queue.current.shift();
    if (!s) return;
    setCurrent(s);
    setRecent((list) => addSigning(list, s, 6));
    shownAt.current = Date.now();
    timer.current = setTimeout(next, ANNOUNCE_MS);
  }, []);
  const onSigned = useCallback(
    (s: DealAnnouncement) => {
      queue.current.push(s);
      if (!timer.current) next();
      else if (Date.now() - shownAt.current >= ANNOUNCE_MS) {
        clearTimeout(timer.current);
        next();
      }
    },
    [next],
  );
  useEffect(() => () => clearTimeout(timer.current), []);

  const { board, error, liveState, reload } = useBoard(fairId, { onSigned, hubFactory });

  const failed = !board && !!error;
  useEffect(() => {
    if (!failed && !fairError) return;
    const retry = setTimeout(() => {
      if (failed) reload();
      if (fairError) void refetchFair();
    }, HALL_RETRY_MS);
    return () => clearTimeout(retry);
  }, [failed, fairError, reload, refetchFair]);

  useEffect(() => {
    document.title = fair ? `${fair.name} · ${vi('results.hall.title')}` : vi('results.hall.title');
  }, [fair, vi]);

  const notFound = (error instanceof ApiError && error.status === 404) || (fairError instanceof ApiError && fairError.status === 404);
  const value = vndParts(board?.deals.vnd ?? 0, 'vi');

  return (
    <main className="hall-board" data-testid="hall-board" lang="vi">
      <header className="hall-board__head">
        <h1 className="hall-board__title">
          {fair?.name ?? (notFound ? vi('results.notFound') : '\u00a0')}
          <span className="hall-board__en" lang="en">
            {vi('results.hall.title')} · {en('results.hall.title')}
          </span>
        </h1>
        <LiveStatus state={liveState} />
      </header>

      {board ? (
        <>
          <dl className="hall-board__totals">
            <div className="hall-board__total">
              <dt>
                {vi('results.signed')}
                <span lang="en">{en('results.signed')}</span>
              </dt>
              <dd data-testid="hall-signed">{signedCount(board.deals)}</dd>
            </div>
            <div className="hall-board__total hall-board__total--value">
              <dt>
                {vi('results.value')}
                <span lang="en">{en('results.value')}</span>
              </dt>
              <dd data-testid="hall-value" data-vnd={board.deals.vnd}>
                {value.value}
                <small>
                  {vi(`results.units.${value.unit}`)}
                  <span lang="en">{en(`results.units.${value.unit}`)}</span>
                </small>
              </dd>
            </div>
            <div className="hall-board__total">
              <dt>
                {vi('results.tonnes')}
                <span lang="en">{en('results.tonnes')}</span>
              </dt>
              <dd data-testid="hall-tonnes">
                {tonnes(board.deals.tonnes, 'vi')}
                <small>
                  {vi('results.tonnesUnit')}
                  <span lang="en">{en('results.tonnesUnit')}</span>
                </small>
              </dd>
            </div>
          </dl>
          <ul className="hall-board__kinds">
            {DEAL_KINDS.map((k) => (
              <li key={k} data-testid={`hall-kind-${k}`}>
                <strong>{board.deals.byKind[k] ?? 0}</strong> {vi(`results.kinds.${k}`)}
                <span lang="en">{en(`results.kinds.${k}`)}</span>
              </li>
            ))}
          </ul>

          <section className="hall-board__announce" aria-live="assertive" data-testid="hall-announce">
            {current ? (
              <div key={current.dealId} className="hall-board__signing" data-testid="hall-signing" data-deal={current.dealId}>
                <p className="hall-board__signing-head">
                  {vi('results.hall.signedNow')} · {vi(`results.kinds.${current.kind}`)}
                  <span lang="en">
                    {en('results.hall.signedNow')} · {en(`results.kinds.${current.kind}`)}
                  </span>
                </p>
                <p className="hall-board__signing-parties">{vi('results.hall.between', { producer: current.producerName, buyer: current.buyerOrganisation })}</p>
                <p className="hall-board__signing-figures">
                  {vndParts(current.vnd, 'vi').value} {vi(`results.units.${vndParts(current.vnd, 'vi').unit}`)}
                  {current.tonnes > 0 && ` · ${tonnes(current.tonnes, 'vi')} ${vi('results.tonnesUnit')}`}
                  {current.district ? ` · ${current.district}` : ''}
                </p>
              </div>
            ) : (
              <p className="hall-board__waiting">
                {vi('results.hall.waiting')}
                <span lang="en">{en('results.hall.waiting')}</span>
              </p>
            )}
          </section>

          {recent.length > 1 && (
            <ol className="hall-board__recent">
              {recent.slice(1).map((s) => (
                <li key={s.dealId}>
                  {vi(`results.kinds.${s.kind}`)} · {vi('results.hall.between', { producer: s.producerName, buyer: s.buyerOrganisation })}
                </li>
              ))}
            </ol>
          )}
        </>
      ) : (
        <p className="hall-board__waiting">{notFound ? vi('results.notFound') : error ? '…' : '\u00a0'}</p>
      )}
    </main>
  );
}

export default HallPage;
