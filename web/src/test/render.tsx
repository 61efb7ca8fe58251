import type { ReactElement } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { createQueryClient } from '../lib/queryClient';

type Router = ReturnType<typeof createBrowserRouter>;

const routers: Router[] = [];

/** Stops the routers of the last test listening to the browser's history (setup.ts calls it after each test). */
export function disposeRouters(): void {
  for (const router of routers.splice(0)) router.dispose();
}

export interface Rendered extends RenderResult {
  router: Router;
  queryClient: QueryClient;
}

/**
 * Renders `ui` as the app would: its own query cache and a browser router at the current address (set it with
 * `window.history.replaceState` first), showing `ui` on every path so the test sees where a navigation went.
 */
export function renderPage(ui: ReactElement, extraRoutes: RouteObject[] = [], queryClient = createQueryClient()): Rendered {
  const router = createBrowserRouter([...extraRoutes, { path: '*', element: ui }]);
  routers.push(router);
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...result, router, queryClient };
}

/** Runs `hook` inside the app's providers (a query cache, or the one given; a browser router at the current address). */
export function renderHookInApp<T>(
  hook: () => T,
  cache?: QueryClient,
): { result: { current: T }; router: Router; queryClient: QueryClient } {
  const result = { current: undefined as T };
  function Probe() {
    result.current = hook();
    return null;
  }
  const { router, queryClient } = renderPage(<Probe />, [], cache);
  return { result, router, queryClient };
}
