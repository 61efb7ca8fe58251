// A fair's meetings. For a buyer or an exhibitor: their agenda grouped live / today / coming up / earlier by the
// fair's clock, each meeting with the other party, place, time, status by name and whose answer it waits for, and
// the actions open to them now. For the organiser: every meeting by hour with counts by status. Markup over useAgenda.

import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LiveStatus } from '../components/LiveStatus';
import { SlotPicker, placeText } from '../components/SlotPicker';
import { useAgenda } from '../hooks/useAgenda';
import { matchKeys } from '../hooks/useMatches';
import { errorMessage } from '../lib/api';
import { formatDateTime } from '../lib/format';
import { AGENDA_GROUPS, MEETING_STATUSES, dayLabel, localParts } from '../lib/meetings';
import { meetingsApi, type Meeting } from '../lib/meetingsApi';
import { dealLinks } from '../lib/dealsApi';
import type { HubConnectionLike } from '../lib/live';

type Agenda = ReturnType<typeof useAgenda>;

function StatusBadge({ status }: { status: Meeting['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge meeting-status meeting-status--${status.toLowerCase()}`} data-testid="meeting-status" data-status={status}>
      {t(`meetings.status.${status}`)}
    </span>
  );
}

function ProposeBox({ a, meeting, onDone }: { a: Agenda; meeting: Meeting; onDone: () => void }) {
  const { t } = useTranslation();
  const timeZone = a.fair?.timeZone;
  const [chosen, setChosen] = useState<string | null>(null);
  const slots = useQuery({
    queryKey: matchKeys.slots(a.fair?.fairId ?? meeting.fairId, meeting.producerId),
    queryFn: ({ signal }) => meetingsApi.slots(meeting.fairId, meeting.producerId, signal),
    staleTime: 0,
  });
  return (
    <form
      className="form meeting__box"
      onSubmit={(e) => {
        e.preventDefault();
        if (!chosen) return;
        a.act(meeting, { kind: 'propose', startsAt: chosen });
        onDone();
      }}
    >
      {slots.error && (
        <p className="error" role="alert">
          {errorMessage(slots.error)}
        </p>
      )}
      {slots.data ? (
        <SlotPicker free={slots.data.free.filter((s) => s !== meeting.startsAt)} timeZone={timeZone} value={chosen} onChange={setChosen} name={`propose-${meeting.meetingId}`} />
      ) : (
        !slots.error && <p className="muted">{t('common.loading')}</p>
      )}
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={!chosen}>
          {t('meetings.agenda.proposeSend')}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          {t('meetings.agenda.close')}
        </button>
      </div>
    </form>
  );
}

function DeclineBox({ a, meeting, onDone }: { a: Agenda; meeting: Meeting; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const id = `decline-${meeting.meetingId}`;
  return (
    <form
      className="form meeting__box"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) return setMissing(true);
        a.act(meeting, { kind: 'decline', reason: reason.trim() });
        onDone();
      }}
    >
      <label className="field" htmlFor={id}>
        <span>{t('meetings.agenda.declineReason')}</span>
      </label>
      <textarea id={id} value={reason} rows={2} maxLength={500} aria-required="true" aria-invalid={missing} onChange={(e) => (setReason(e.target.value), setMissing(false))} data-testid="decline-reason" />
      {missing && (
        <p className="error field__error" role="alert">
          {t('meetings.agenda.reasonRequired')}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="btn btn--danger" data-testid="decline-send">
          {t('meetings.agenda.declineSend')}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          {t('meetings.agenda.close')}
        </button>
      </div>
    </form>
  );
}

function MeetingCard({ a, meeting }: { a: Agenda; meeting: Meeting }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'decline' | 'propose' | 'cancel' | null>(null);
  const timeZone = a.fair?.timeZone;
  const start = localParts(meeting.startsAt, timeZone);
  const end = localParts(meeting.endsAt, timeZone);
  const waiting = a.waitingOf(meeting);
  const actions = a.actionsOf(meeting);
  const busy = a.busyId === meeting.meetingId;
  const mine = a.side === 'Buyer' ? meeting.buyerCheckedIn : meeting.producerCheckedIn;
  return (
    <li className={`meeting meeting--${meeting.status.toLowerCase()}`} data-testid={`meeting-${meeting.meetingId}`} data-status={meeting.status}>
      <div className="meeting__head">
        <h3 className="meeting__time">
          <time dateTime={meeting.startsAt}>{t('meetings.agenda.when', { time: start.time, end: end.time, day: dayLabel(start.day) })}</time>
        </h3>
        <StatusBadge status={meeting.status} />
      </div>
      <p className="meeting__party" data-testid="meeting-party">
        {t('meetings.agenda.with', { name: a.otherParty(meeting) ?? t('meetings.unknownParty') })}
      </p>
      <p className="meeting__place">{t('meetings.agenda.where', { place: placeText(t, meeting.place) })}</p>
      {waiting && (
        <p className={waiting === 'you' ? 'meeting__waiting meeting__waiting--you' : 'meeting__waiting muted'} data-testid="meeting-waiting" data-waiting={waiting}>
          {waiting === 'you'
            ? t('meetings.agenda.waitingYou', { time: meeting.expiresAt ? formatDateTime(meeting.expiresAt, timeZone) : '—' })
            : t('meetings.agenda.waitingThem')}
        </p>
      )}
      {meeting.note && <p className="prewrap small">{t('meetings.agenda.note', { note: meeting.note })}</p>}
      {meeting.reason && <p className="prewrap small">{t('meetings.agenda.reason', { reason: meeting.reason })}</p>}
      {mine && <p className="ok small">{t('meetings.agenda.checkedIn')}</p>}
      {meeting.status === 'Held' && (
        <p>
          <Link className="btn btn--primary" to={dealLinks.new(meeting.fairId, { meetingId: meeting.meetingId, producerId: meeting.producerId })} data-testid="meeting-deal">
            {t('dealPages.nav.fromMeeting')}
          </Link>
        </p>
      )}
      {a.rowErrors[meeting.meetingId] && (
        <p className="error" role="alert" data-testid="meeting-error">
          {a.rowErrors[meeting.meetingId]}
        </p>
      )}
      {actions.length > 0 && !open && (
        <div className="row-actions">
          {actions.includes('accept') && (
            <button type="button" className="btn btn--ok" disabled={busy} onClick={() => a.act(meeting, { kind: 'accept' })} data-testid="meeting-accept">
              {t('meetings.agenda.accept')}
            </button>
          )}
          {actions.includes('check-in') && (
            <button type="button" className="btn btn--primary" disabled={busy} onClick={() => a.act(meeting, { kind: 'check-in' })} data-testid="meeting-check-in">
              {t('meetings.agenda.checkIn')}
            </button>
          )}
          {actions.includes('decline') && (
            <button type="button" className="btn" disabled={busy} onClick={() => setOpen('decline')} data-testid="meeting-decline">
              {t('meetings.agenda.decline')}
            </button>
          )}
          {actions.includes('propose') && (
            <button type="button" className="btn" disabled={busy} onClick={() => setOpen('propose')} data-testid="meeting-propose">
              {t('meetings.agenda.propose')}
            </button>
          )}
          {actions.includes('cancel') && (
            <button type="button" className="btn" disabled={busy} onClick={() => setOpen('cancel')} data-testid="meeting-cancel">
              {t('meetings.agenda.cancel')}
            </button>
          )}
        </div>
      )}
      {open === 'decline' && <DeclineBox a={a} meeting={meeting} onDone={() => setOpen(null)} />}
      {open === 'propose' && <ProposeBox a={a} meeting={meeting} onDone={() => setOpen(null)} />}
      {open === 'cancel' && (
        <div className="row-actions">
          <button
            type="button"
            className="btn btn--danger"
            onClick={() => {
              a.act(meeting, { kind: 'cancel' });
              setOpen(null);
            }}
            data-testid="meeting-cancel-confirm"
          >
            {t('meetings.agenda.cancelConfirm')}
          </button>
          <button type="button" className="btn" onClick={() => setOpen(null)}>
            {t('meetings.agenda.close')}
          </button>
        </div>
      )}
    </li>
  );
}

function PartyAgenda({ a, fairId }: { a: Agenda; fairId: string }) {
  const { t } = useTranslation();
  if (!a.groups) return null;
  const total = a.items?.length ?? 0;
  return (
    <>
      {total === 0 && (
        <p className="muted" data-testid="agenda-empty">
          {a.side === 'Buyer' ? t('meetings.agenda.emptyBuyer') : t('meetings.agenda.empty')}
        </p>
      )}
      {AGENDA_GROUPS.map((g) =>
        a.groups![g].length === 0 ? null : (
          <section key={g} className="section agenda-group" aria-labelledby={`agenda-${g}`} data-testid={`agenda-${g}`}>
            <h2 id={`agenda-${g}`}>{t(`meetings.agenda.group.${g}`)}</h2>
            <ol className="meetings">
              {a.groups![g].map((m) => (
                <MeetingCard key={m.meetingId} a={a} meeting={m} />
              ))}
            </ol>
          </section>
        ),
      )}
      <p>
        {a.side === 'Buyer' ? (
          <Link to={`/fairs/${encodeURIComponent(fairId)}/matches`}>{t('meetings.nav.matches')}</Link>
        ) : (
          <Link to={`/fairs/${encodeURIComponent(fairId)}/interested`}>{t('meetings.nav.interested')}</Link>
        )}
        {' · '}
        <Link to={dealLinks.list(fairId)} data-testid="agenda-deals">
          {t('dealPages.nav.deals')}
        </Link>
      </p>
    </>
  );
}

function Overview({ a, fairId }: { a: Agenda; fairId: string }) {
  const { t } = useTranslation();
  if (!a.hours || !a.counts) return null;
  const timeZone = a.fair?.timeZone;
  return (
    <>
      <p>
        <Link className="btn" to={`/fairs/${encodeURIComponent(fairId)}/schedule`}>
          {t('meetings.agenda.toSchedule')}
        </Link>
      </p>
      <section className="section" aria-labelledby="overview-counts">
        <h2 id="overview-counts">{t('meetings.agenda.overview')}</h2>
        <p data-testid="overview-total">{t('meetings.agenda.counts', { count: a.items?.length ?? 0 })}</p>
        <ul className="status-counts" data-testid="overview-counts">
          {MEETING_STATUSES.filter((s) => a.counts![s] > 0).map((s) => (
            <li key={s} data-status={s}>
              <StatusBadge status={s} /> <strong>{a.counts![s]}</strong>
            </li>
          ))}
        </ul>
      </section>
      {a.hours.map((h) => (
        <section key={`${h.day}-${h.hour}`} className="section" aria-labelledby={`hour-${h.day}-${h.hour}`}>
          <h2 id={`hour-${h.day}-${h.hour}`}>
            {t('meetings.agenda.hour', { hour: h.hour, day: dayLabel(h.day) })}{' '}
            <span className="muted small">
              {MEETING_STATUSES.filter((s) => h.counts[s] > 0)
                .map((s) => `${t(`meetings.status.${s}`)}: ${h.counts[s]}`)
                .join(' · ')}
            </span>
          </h2>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('meetings.agenda.time')}</th>
                  <th scope="col">{t('meetings.agenda.buyer')}</th>
                  <th scope="col">{t('meetings.agenda.exhibitor')}</th>
                  <th scope="col">{t('meetings.agenda.place')}</th>
                  <th scope="col">{t('meetings.agenda.statusCol')}</th>
                </tr>
              </thead>
              <tbody>
                {h.items.map((m) => (
                  <tr key={m.meetingId} data-testid={`overview-${m.meetingId}`}>
                    <td className="nowrap">{localParts(m.startsAt, timeZone).time}</td>
                    <td>{a.nameOf(m.buyerId) ?? m.buyerId}</td>
                    <td>{a.nameOf(m.producerId) ?? m.producerId}</td>
                    <td>{placeText(t, m.place)}</td>
                    <td>
                      <StatusBadge status={m.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}

export function AgendaPage({ fairId, hubFactory, now }: { fairId: string; hubFactory?: () => Promise<HubConnectionLike>; now?: () => number }) {
  const { t } = useTranslation();
  const a = useAgenda(fairId, { hubFactory, now });

  useEffect(() => {
    document.title = `${t('meetings.agenda.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <main className="page agenda-page">
      <p className="crumb">
        <Link to={`/fairs/${encodeURIComponent(fairId)}`}>{a.fair?.name ?? t('common.loading')}</Link>
      </p>
      <h1>{a.organiser ? t('meetings.agenda.overview') : t('meetings.agenda.title')}</h1>
      {a.authLoading ? (
        <p className="muted">{t('common.loading')}</p>
      ) : !a.signedIn ? (
        <p className="notice">
          <Link to={`/login?next=${encodeURIComponent(`/fairs/${fairId}/meetings`)}`}>{t('meetings.agenda.signIn')}</Link>
        </p>
      ) : !a.side && !a.organiser ? (
        a.fair ? (
          <p className="notice" role="alert">
            {t('meetings.agenda.onlyParties')}
          </p>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )
      ) : (
        <>
          <p className="muted">{t('meetings.agenda.intro', { zone: a.fair?.timeZone ?? '' })}</p>
          <LiveStatus state={a.live} />
          {a.error && (
            <p className="error" role="alert">
              {a.error}
            </p>
          )}
          {!a.items && !a.error && <p className="muted">{t('common.loading')}</p>}
          {a.organiser ? <Overview a={a} fairId={fairId} /> : <PartyAgenda a={a} fairId={fairId} />}
        </>
      )}
    </main>
  );
}

export default AgendaPage;
