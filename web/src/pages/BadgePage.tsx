import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageError } from '../components/PageError';
import { BUYER_OPEN_STATUSES, useBuyerRegistration } from '../hooks/useBuyerRegistration';
import { errorMessage } from '../lib/api';
import { buyersApi } from '../lib/buyersApi';
import { formatDateRange, formatDateTime } from '../lib/format';
import { RequireRole } from '../lib/guard';
import { fairQuery } from '../lib/queries';
import type { Me } from '../lib/types';

/** The buyer's badge for one fair: the QR large enough to scan from a phone, the code to type, and a printable card. */
function BadgeView({ fairId, me }: { fairId: string; me: Me }) {
  const { t } = useTranslation();
  const fair = useQuery(fairQuery(fairId));
  const reg = useBuyerRegistration(fairId);
  const badge = reg.registration;
  const fairPath = `/fairs/${encodeURIComponent(fairId)}`;

  useEffect(() => {
    document.title = `${t('buyers.badgeTitle')} · ${t('app.name')}`;
  }, [t]);

  if (fair.error) return <PageError message={errorMessage(fair.error)} />;
  if (reg.loadError) return <PageError message={errorMessage(reg.loadError)} />;
  if (reg.loading || fair.isPending) {
    return (
      <main className="page">
        <p className="muted">{t('common.loading')}</p>
      </main>
    );
  }

  if (!badge) {
    const open = BUYER_OPEN_STATUSES.includes(fair.data.status);
    return (
      <main className="page page--narrow">
        <p className="crumb">
          <Link to={fairPath}>← {fair.data.name}</Link>
        </p>
        <h1>{t('buyers.badgeTitle')}</h1>
        <p data-testid="badge-not-registered">{t('buyers.notRegistered')}</p>
        {open && (
          <button type="button" className="btn btn--accent" disabled={reg.busy} onClick={() => void reg.register()} data-testid="badge-register">
            {t('buyers.register')}
          </button>
        )}
        {reg.error && (
          <p className="error" role="alert">
            {reg.error} {reg.needsProfile && <Link to={`/buyer?next=${encodeURIComponent(`${fairPath}/badge`)}`}>{t('buyers.makeProfile')}</Link>}
          </p>
        )}
      </main>
    );
  }

  const timeZone = fair.data.timeZone ?? undefined;
  return (
    <main className="page page--narrow badge-page">
      <p className="crumb no-print">
        <Link to={fairPath}>← {fair.data.name}</Link>
      </p>
      <h1 className="no-print">{t('buyers.badgeTitle')}</h1>
      <article className="badge-card" data-testid="badge-card" aria-label={t('buyers.badgeTitle')}>
        <p className="badge-card__fair">
          <strong>{fair.data.name}</strong>
          <br />
          <span className="nowrap">{formatDateRange(fair.data.startsAt, fair.data.endsAt, timeZone)}</span>
        </p>
        <img
          className="badge-card__qr"
          src={buyersApi.badgeUrl(fairId)}
          alt={t('buyers.qrAlt', { code: badge.badgeCode })}
          width={280}
          height={280}
          data-testid="badge-qr"
        />
        <p className="badge-card__code" data-testid="badge-code" aria-label={t('buyers.codeLabel', { code: badge.badgeCode })}>
          {badge.badgeCode}
        </p>
        <p className="badge-card__who">
          <strong data-testid="badge-organisation">{badge.organisation}</strong>
          <br />
          <span>{t(`buyers.kind.${badge.kind}`)}</span>
          {me.displayName && (
            <>
              <br />
              <span data-testid="badge-name">{me.displayName}</span>
            </>
          )}
        </p>
        <p className="badge-card__role">{t('buyers.badgeRole')}</p>
      </article>
      {badge.checkedInAt ? (
        <p className="ok no-print" data-testid="badge-checked-in">
          {t('buyers.badgeCheckedIn', { time: formatDateTime(badge.checkedInAt, timeZone) })}
        </p>
      ) : (
        <p className="muted no-print">{t('buyers.badgeHint')}</p>
      )}
      <p className="form__actions no-print">
        <button type="button" className="btn" onClick={() => window.print()} data-testid="badge-print">
          {t('buyers.print')}
        </button>
      </p>
    </main>
  );
}

export default function BadgePage({ fairId }: { fairId: string }) {
  return <RequireRole roles={['Buyer']}>{(me) => <BadgeView fairId={fairId} me={me} />}</RequireRole>;
}
