import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A whole page that could not be shown (an unknown fair, a failed load): the reason and the way back. */
export function PageError({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <main className="page">
      <p className="error" role="alert">
        {message}
      </p>
      <Link to="/">{t('common.back')}</Link>
    </main>
  );
}
