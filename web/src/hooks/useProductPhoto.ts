// A product's photo in the producer's form: what is stored now, and sending or removing one. The file is checked
// for size and type before it is sent; the server checks its bytes and has the last word.

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../lib/api';
import { photoProblem } from '../lib/productCard';

export function useProductPhoto(productId: string | null) {
  const { t } = useTranslation();
  const [photoUrl, setPhotoUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (!productId) return;
    const abort = new AbortController();
    api
      .product(productId, abort.signal)
      .then((p) => setPhotoUrl(p.photoUrl ?? null))
      .catch(() => undefined);
    return () => abort.abort();
  }, [productId]);

  const upload = useCallback(
    async (file: File) => {
      if (!productId) return;
      const problem = photoProblem(file);
      setMessage(null);
      if (problem) {
        setError(t(problem === 'tooLarge' ? 'card.photoTooLarge' : 'card.photoWrongType'));
        return;
      }
      setBusy(true);
      setError(null);
      try {
        const saved = await api.uploadProductPhoto(productId, file);
        setPhotoUrl(saved.photoUrl);
        setMessage(t('card.photoSaved'));
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setBusy(false);
      }
    },
    [productId, t],
  );

  const remove = useCallback(async () => {
    if (!productId) return;
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await api.deleteProductPhoto(productId);
      setPhotoUrl(null);
      setMessage(t('card.photoRemoved'));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }, [productId, t]);

  return { photoUrl, busy, error, message, upload, remove };
}
