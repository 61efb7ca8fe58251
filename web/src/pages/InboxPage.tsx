import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../lib/api';
import { useAuth } from '../lib/auth';
import { formatDateTime } from '../lib/format';
import { startLive, type HubConnectionLike } from '../lib/live';
import { Link, useNavigate } from 'react-router';
import type { Notification } from '../lib/types';

function newestFirst(list: Notification[]): Notification[] {
  return [...list].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

export function InboxPage({ hubFactory }: { hubFactory?: () => Promise<HubConnectionLike> }) {
  const { t, i18n } = useTranslation();
  const { me, loading } = useAuth();
  const navigate = useNavigate();
  const [items, setItems] = useState<Notification[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('inbox.title')} · ${t('app.name')}`;
  }, [t]);

  useEffect(() => {
    if (!loading && !me) void navigate(`/login?next=${encodeURIComponent('/inbox')}`, { replace: true });
  }, [loading, me, navigate]);

  const load = useCallback(async () => {
    try {
      setItems(newestFirst(await api.notifications()));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  const userId = me?.userId;
  useEffect(() => {
    if (!userId) return;
    void load();
    let first = true;
    const live = startLive(
      {
        // After a reconnect, re-read the list: something may have been missed.
        onConnected: () => {
          if (!first) void load();
          first = false;
        },
        // A pushed entry carries its kind and facts, not words: the list is read again, worded in the UI language.
        onPrivateEvent: (event) => {
          if (event.type === 'Notification') void load();
        },
      },
      hubFactory,
    );
    return () => void live.stop();
  }, [userId, load, hubFactory]);

  // Entries are worded by the server in the language asked for: a change of language reads them again.
  const language = i18n.language;
  const firstLanguage = useRef(language);
  useEffect(() => {
    if (!userId || firstLanguage.current === language) return;
    firstLanguage.current = language;
    void load();
  }, [language, userId, load]);

  const markRead = async (id: string) => {
    setBusyId(id);
    try {
      await api.markRead(id);
      const now = new Date().toISOString();
      setItems((list) => (list ?? []).map((n) => (n.id === id ? { ...n, readAt: n.readAt ?? now } : n)));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusyId(null);
    }
  };

  if (!me) return <main className="page"><p className="muted">{t('common.loading')}</p></main>;

  return (
    <main className="page">
      <h1>{t('inbox.title')}</h1>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {items === null ? (
        !error && <p className="muted">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('inbox.empty')}</p>
      ) : (
        <ul className="inbox">
          {items.map((n) => (
            <li
              key={n.id}
              className={`note${n.readAt ? '' : ' note--unread'}`}
              data-testid={`notification-${n.id}`}
              data-read={n.readAt ? 'true' : 'false'}
            >
              <div className="note__head">
                <h2 className="note__title">
                  {!n.readAt && <span className="sr-only">{t('inbox.unread')}: </span>}
                  {n.title}
                </h2>
                <time className="muted nowrap" dateTime={n.createdAt}>
                  {formatDateTime(n.createdAt)}
                </time>
              </div>
              <p className="note__body">{n.body}</p>
              {n.fairId && (
                <p className="small">
                  <Link to={`/fairs/${encodeURIComponent(n.fairId)}`} data-testid={`notification-fair-${n.id}`}>
                    {t('notice.openFair')}
                  </Link>
                </p>
              )}
              {!n.readAt && (
                <button
                  type="button"
                  className="btn btn--small"
                  disabled={busyId === n.id}
                  onClick={() => void markRead(n.id)}
                  data-testid={`mark-read-${n.id}`}
                >
                  {t('inbox.markRead')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

export default InboxPage;
