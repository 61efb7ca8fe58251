import { useEffect } from 'react';
import { useBlocker } from 'react-router';

/**
 * Only same-site paths are followed after sign-in ("/x", never "//host"); no backslash or control character, which
 * URL parsers drop or read as "/" ("/\\host", "/\t/host").
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return '/';
  if ([...next].some((c) => c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return '/';
  return next;
}

/**
 * Asks `question` before the person leaves while `when` holds: in-app links and back or forward (react-router's
 * blocker, answered with the browser's confirm), and reloading or closing the tab (the browser's own dialog).
 */
export function useUnsavedChangesGuard(when: boolean, question: string): void {
  const blocker = useBlocker(when);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(question)) blocker.proceed();
    else blocker.reset();
  }, [blocker, question]);

  useEffect(() => {
    if (!when) return;
    const onUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = question; // older browsers want it set
      return question;
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [when, question]);
}
