// The printed deal document: the deal (a party's, or the organiser's once signed), its fair, and the language the
// document is printed in — chosen on the page, apart from the app's own language.

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { dealDocumentQuery, exportsApi } from '../lib/exportsApi';
import { fairQuery } from '../lib/queries';
import type { Locale } from '../lib/types';

export function useDealDocument(fairId: string, dealId: string) {
  const { i18n } = useTranslation();
  const deal = useQuery(dealDocumentQuery(fairId, dealId));
  const fair = useQuery(fairQuery(fairId));
  const [language, setLanguage] = useState<Locale>(i18n.language === 'en' ? 'en' : 'vi');
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  return {
    loading: deal.isPending || fair.isPending,
    error: deal.error ?? fair.error,
    deal: deal.data ?? null,
    fair: fair.data ?? null,
    language,
    setLanguage,
    /** The document's own texts, in its language whatever the app's. */
    t: i18n.getFixedT(language),
    qrUrl: exportsApi.qrUrl(dealId),
    verifyUrl: origin + exportsApi.verifyPath(dealId),
  };
}
