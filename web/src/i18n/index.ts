import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, vi } from './messages';
import type { Locale } from '../lib/types';

export const LANGUAGE_KEY = 'ocopfairs.lang';
export const LANGUAGES: readonly Locale[] = ['vi', 'en'];

function readSaved(): Locale | null {
  try {
    const saved = localStorage.getItem(LANGUAGE_KEY);
    return saved === 'vi' || saved === 'en' ? saved : null;
  } catch {
    return null;
  }
}

/** True when the user picked a language on this device. */
export function hasSavedLanguage(): boolean {
  return readSaved() !== null;
}

export function currentLanguage(): Locale {
  return i18n.language === 'en' ? 'en' : 'vi';
}

export function setLanguage(lang: Locale, persist = true): void {
  if (persist) {
    try {
      localStorage.setItem(LANGUAGE_KEY, lang);
    } catch {
      /* private mode: keep it for this page only */
    }
  }
  void i18n.changeLanguage(lang);
}

i18n.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: readSaved() ?? 'vi',
  fallbackLng: 'vi',
  supportedLngs: ['vi', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export default i18n;
