// A tiny history-API router: four routes do not need a routing library.

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';

export interface Location {
  pathname: string;
  search: string;
}

interface RouterValue {
  location: Location;
  navigate: (to: string, options?: { replace?: boolean }) => void;
  /** Registers a check run before leaving the page: it returns a question to confirm, or null to let go. */
  addBlocker: (blocker: Blocker) => () => void;
}

/** A question to ask before navigating away (e.g. unsaved changes), or null when leaving is fine. */
export type Blocker = () => string | null;

const RouterContext = createContext<RouterValue | null>(null);

function readLocation(): Location {
  return { pathname: window.location.pathname, search: window.location.search };
}

export function Router({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState<Location>(readLocation);
  const here = useRef(location);
  here.current = location;
  const blockers = useRef(new Set<Blocker>());

  /** True when every blocker lets go, asking the person where one has a question. */
  const mayLeave = useCallback(() => {
    for (const blocker of blockers.current) {
      const question = blocker();
      if (question && !window.confirm(question)) return false;
    }
    return true;
  }, []);

  useEffect(() => {
    const onPop = () => {
      if (!mayLeave()) {
        // Back or forward was pressed: put the page that stays back in the address bar.
        window.history.pushState(null, '', here.current.pathname + here.current.search);
        return;
      }
      setLocation(readLocation());
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [mayLeave]);

  const navigate = useCallback(
    (to: string, options?: { replace?: boolean }) => {
      if (!mayLeave()) return;
      if (options?.replace) window.history.replaceState(null, '', to);
      else window.history.pushState(null, '', to);
      setLocation(readLocation());
      window.scrollTo?.(0, 0);
    },
    [mayLeave],
  );

  const addBlocker = useCallback((blocker: Blocker) => {
    blockers.current.add(blocker);
    return () => {
      blockers.current.delete(blocker);
    };
  }, []);

  const value = useMemo(() => ({ location, navigate, addBlocker }), [location, navigate, addBlocker]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter outside <Router>');
  return value;
}

/**
 * Asks `question` before the person leaves while `when` holds: in-app links, back and forward, and (through the
 * browser's own dialog) reloading or closing the tab.
 */
export function useBlocker(when: boolean, question: string): void {
  const { addBlocker } = useRouter();
  useEffect(() => {
    if (!when) return;
    const remove = addBlocker(() => question);
    const onUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = question; // older browsers want it set
      return question;
    };
    window.addEventListener('beforeunload', onUnload);
    return () => {
      remove();
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [when, question, addBlocker]);
}

/** Matches "/fairs/:fairId" against a path; returns the decoded params or null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const trim = (s: string) => s.replace(/\/+$/, '') || '/';
  const want = trim(pattern).split('/');
  const have = trim(pathname).split('/');
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      if (!have[i]) return null;
      try {
        params[want[i].slice(1)] = decodeURIComponent(have[i]);
      } catch {
        return null;
      }
    } else if (want[i] !== have[i]) {
      return null;
    }
  }
  return params;
}

/** Only same-site paths are followed after sign-in ("/x", never "//host"). */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

export function Link({ to, onClick, target, ...rest }: LinkProps) {
  const { navigate } = useRouter();
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      (target && target !== '_self')
    ) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} target={target} onClick={handle} {...rest} />;
}
