import { afterEach, beforeEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { notifyManager } from '@tanstack/react-query';
import i18n from '../i18n';
import { disposeRouters } from './render';

// A live push written into the query cache reaches the page within the test's act(), as a state update would
// (the app batches these notifications on a timer).
notifyManager.setScheduler((callback) => callback());

// jsdom does not scroll; the app only asks it to.
window.scrollTo = () => undefined;

beforeEach(async () => {
  localStorage.clear();
  await i18n.changeLanguage('vi');
});

afterEach(() => {
  cleanup();
  disposeRouters();
});
