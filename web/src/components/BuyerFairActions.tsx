import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { BUYER_OPEN_STATUSES, useBuyerRegistration } from '../hooks/useBuyerRegistration';
import { hasRole, managesFair, useAuth } from '../lib/auth';
import { signInPath } from '../lib/signup';
import type { FairDetails } from '../lib/types';

function BuyerRegister({ fairId }: { fairId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reg = useBuyerRegistration(fairId);
  const badgePath = `/fairs/${encodeURIComponent(fairId)}/badge`;
  if (reg.loading) return null;
  if (reg.registration) {
    return (
      <p className="fair-actions">
        <Link to={badgePath} className="btn btn--accent" data-testid="buyer-badge-link">
          {t('buyers.badgeLink')}
        </Link>
      </p>
    );
  }
  const register = async () => {
    if (await reg.register()) void navigate(badgePath);
  };
  return (
    <div className="fair-actions buyer-register">
      <button type="button" className="btn btn--accent" onClick={() => void register()} disabled={reg.busy} data-testid="buyer-register">
        {reg.busy ? t('common.working') : t('buyers.register')}
      </button>
      {reg.error && (
        <p className="error" role="alert" data-testid="buyer-register-error">
          {reg.error}{' '}
          {reg.needsProfile && (
            <Link to={`/buyer?next=${encodeURIComponent(badgePath)}`} data-testid="buyer-register-profile">
              {t('buyers.makeProfile')}
            </Link>
          )}
        </p>
      )}
    </div>
  );
}

/**
 * The fair page's buyer parts: a signed-in buyer registers (or opens their badge); the fair's organiser reaches the
 * gate and the matching hours.
 */
export function BuyerFairActions({ fair }: { fair: FairDetails }) {
  const { t } = useTranslation();
  const { me, loading } = useAuth();
  const path = `/fairs/${encodeURIComponent(fair.fairId)}`;
  const open = BUYER_OPEN_STATUSES.includes(fair.status);
  // Signed out: the buyer signs in and lands on the badge page, which registers them.
  if (!me && !loading && open) {
    return (
      <p className="fair-actions buyer-register">
        <Link to={signInPath(`${path}/badge`)} className="btn" data-testid="buyer-register-sign-in">
          {t('buyers.signInToRegister')}
        </Link>
      </p>
    );
  }
  if (hasRole(me, 'Buyer') && open) return <BuyerRegister fairId={fair.fairId} />;
  // Matching hours may be set while the fair is still a draft; the gate opens with the fair.
  if (managesFair(me, fair)) {
    return (
      <p className="fair-actions">
        {fair.status !== 'Draft' && (
          <Link to={`${path}/gate`} className="btn" data-testid="gate-link">
            {t('buyers.gateLink')}
          </Link>
        )}
        <Link to={`${path}/matching`} className="btn" data-testid="matching-hours-link">
          {t('buyers.hoursLink')}
        </Link>
      </p>
    );
  }
  return null;
}
