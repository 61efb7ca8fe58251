import { useEffect, useRef, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageError } from '../components/PageError';
import { useGate } from '../hooks/useGate';
import { errorMessage } from '../lib/api';
import { managesFair } from '../lib/auth';
import type { Scan } from '../lib/buyers';
import { formatDateTime } from '../lib/format';
import { RequireRole } from '../lib/guard';
import { fairQuery } from '../lib/queries';
import type { Me } from '../lib/types';

/** "HH:mm" of an instant in the fair's zone. */
const timeOf = (instant: string, timeZone?: string) => formatDateTime(instant, timeZone).split(' ')[0];

function ScanResult({ scan, timeZone }: { scan: Scan; timeZone?: string }) {
  const { t } = useTranslation();
  if (scan.error) {
    return (
      <div className="gate-result gate-result--error" role="alert" data-testid="gate-result" data-state="error">
        <p className="gate-result__big">{t('buyers.gateRefused')}</p>
        <p>{scan.error}</p>
        <p className="muted">{scan.code}</p>
      </div>
    );
  }
  const { buyer, alreadyCheckedIn } = scan.result!;
  return (
    <div
      className={alreadyCheckedIn ? 'gate-result gate-result--again' : 'gate-result gate-result--in'}
      role="status"
      data-testid="gate-result"
      data-state={alreadyCheckedIn ? 'again' : 'in'}
    >
      <p className="gate-result__big">
        {alreadyCheckedIn && buyer.checkedInAt
          ? t('buyers.gateAlready', { time: timeOf(buyer.checkedInAt, timeZone) })
          : t('buyers.gateIn')}
      </p>
      <p className="gate-result__who">
        <strong data-testid="gate-organisation">{buyer.organisation}</strong> · {t(`buyers.kind.${buyer.kind}`)}
      </p>
      <p className="muted">{buyer.badgeCode}</p>
    </div>
  );
}

function GateView({ fairId, me }: { fairId: string; me: Me }) {
  const { t } = useTranslation();
  const fair = useQuery(fairQuery(fairId));
  const gate = useGate(fairId);
  const video = useRef<HTMLVideoElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const fairPath = `/fairs/${encodeURIComponent(fairId)}`;

  useEffect(() => {
    document.title = `${t('buyers.gateTitle')} · ${t('app.name')}`;
  }, [t]);

  if (fair.error) return <PageError message={errorMessage(fair.error)} />;
  if (!fair.data) {
    return (
      <main className="page">
        <p className="muted">{t('common.loading')}</p>
      </main>
    );
  }
  if (!managesFair(me, fair.data)) return <PageError message={t('errors.forbidden')} />;
  const timeZone = fair.data.timeZone;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void gate.submitTyped().then(() => input.current?.focus());
  };

  const overview = gate.buyers;
  return (
    <main className="page page--wide gate-page">
      <p className="crumb">
        <Link to={fairPath}>← {fair.data.name}</Link>
      </p>
      <h1>{t('buyers.gateTitle')}</h1>
      <div className="gate-layout">
        <section className="gate-scan" aria-labelledby="gate-scan-title">
          <h2 id="gate-scan-title">{t('buyers.gateScan')}</h2>
          <div className="gate-camera" hidden={gate.camera === 'off' || gate.camera === 'failed'}>
            <video ref={video} className="gate-camera__video" muted playsInline aria-label={t('buyers.cameraView')} />
          </div>
          <p className="form__actions">
            {gate.camera === 'on' || gate.camera === 'starting' ? (
              <button type="button" className="btn" onClick={gate.stopCamera} data-testid="camera-stop">
                {t('buyers.cameraStop')}
              </button>
            ) : (
              <button
                type="button"
                className="btn"
                onClick={() => video.current && void gate.startCamera(video.current, t('buyers.cameraFailed'))}
                data-testid="camera-start"
              >
                {t('buyers.cameraStart')}
              </button>
            )}
          </p>
          {gate.cameraError && (
            <p className="notice" role="status" data-testid="camera-error">
              {gate.cameraError}
            </p>
          )}
          <form className="form gate-type" onSubmit={submit} noValidate>
            <label className="field">
              <span>{t('buyers.typeCode')}</span>
              <input
                ref={input}
                value={gate.code}
                onChange={(e) => gate.setCode(e.target.value)}
                autoCapitalize="characters"
                autoComplete="off"
                spellCheck={false}
                className="gate-type__input"
                data-testid="gate-code"
              />
              <span className="field__hint">{t('buyers.typeCodeHint')}</span>
            </label>
            <button type="submit" className="btn btn--accent" disabled={gate.busy || !gate.code.trim()} data-testid="gate-submit">
              {t('buyers.checkIn')}
            </button>
          </form>
          <div aria-live="polite">{gate.last && <ScanResult scan={gate.last} timeZone={timeZone} />}</div>
          {gate.scans.length > 1 && (
            <>
              <h3>{t('buyers.lastScans')}</h3>
              <ul className="gate-scans" data-testid="gate-scans">
                {gate.scans.slice(1).map((s) => (
                  <li key={`${s.at}-${s.code}`} className={s.error ? 'gate-scans__item gate-scans__item--error' : 'gate-scans__item'}>
                    <span className="nowrap">{timeOf(s.at, timeZone)}</span>{' '}
                    {s.result ? (
                      <>
                        <strong>{s.result.buyer.organisation}</strong>
                        {s.result.alreadyCheckedIn ? ` · ${t('buyers.again')}` : ''}
                      </>
                    ) : (
                      <>
                        {s.code} · {s.error}
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>

        <section className="gate-overview" aria-labelledby="gate-overview-title" data-testid="gate-overview">
          <h2 id="gate-overview-title">{t('buyers.overviewTitle')}</h2>
          {gate.buyersError && <p className="error">{errorMessage(gate.buyersError)}</p>}
          {overview && (
            <>
              <p className="gate-totals">
                <span data-testid="gate-present">{t('buyers.presentOf', { present: overview.present, registered: overview.registered })}</span>
              </p>
              <table className="table gate-kinds">
                <caption className="sr-only">{t('buyers.byKind')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('buyers.kindLabel')}</th>
                    <th scope="col">{t('buyers.registered')}</th>
                    <th scope="col">{t('buyers.present')}</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.byKind.map((k) => (
                    <tr key={k.kind} data-testid={`gate-kind-${k.kind}`}>
                      <th scope="row">{t(`buyers.kind.${k.kind}`)}</th>
                      <td>{k.registered}</td>
                      <td>{k.present}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {overview.items.length === 0 ? (
                <p className="muted">{t('buyers.noneRegistered')}</p>
              ) : (
                <ul className="gate-list" data-testid="gate-list">
                  {overview.items.map((b) => (
                    <li key={b.buyerId} className="gate-list__item">
                      <strong>{b.organisation}</strong> · {t(`buyers.kind.${b.kind}`)}
                      <br />
                      <span className="muted small">
                        {b.badgeCode} ·{' '}
                        {b.checkedInAt ? t('buyers.inAt', { time: timeOf(b.checkedInAt, timeZone) }) : t('buyers.notYet')}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </section>
      </div>
    </main>
  );
}

export default function GatePage({ fairId }: { fairId: string }) {
  return <RequireRole roles={['Organiser', 'Admin']}>{(me) => <GateView fairId={fairId} me={me} />}</RequireRole>;
}
