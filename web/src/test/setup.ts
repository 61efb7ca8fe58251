import { afterEach, beforeEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import i18n from '../i18n';

// jsdom does not scroll; the app only asks it to.
window.scrollTo = () => undefined;

beforeEach(async () => {
  localStorage.clear();
  await i18n.changeLanguage('vi');
});

afterEach(() => {
  cleanup();
});
