import { describe, expect, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { useLoad } from './useLoad';

/** A load whose answers the test hands out one by one. */
function controlled() {
  const pending: { resolve: (v: string) => void; reject: (e: unknown) => void; signal: AbortSignal }[] = [];
  const load = (signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      pending.push({ resolve, reject, signal });
    });
  return { load, pending };
}

describe('useLoad', () => {
  it('gives undefined, then the answer; a failure shows until retry, which loads again', async () => {
    const { load, pending } = controlled();
    const { result } = renderHook(() => useLoad(load, []));
    expect(result.current.data).toBeUndefined();
    expect(pending).toHaveLength(1);

    await act(async () => pending[0].reject(new Error('down')));
    expect((result.current.error as Error).message).toBe('down');

    act(() => result.current.retry());
    expect(pending).toHaveLength(2);
    expect(result.current.error).toBeNull();
    await act(async () => pending[1].resolve('fair'));
    expect(result.current.data).toBe('fair');
  });

  it('aborts the load in flight when the key changes, and its late answer or failure is ignored', async () => {
    const { load, pending } = controlled();
    const { result, rerender } = renderHook(({ id }) => useLoad((s) => load(s).then((v) => `${id}:${v}`), [id]), {
      initialProps: { id: 'a' },
    });
    rerender({ id: 'b' });
    expect(pending).toHaveLength(2);
    expect(pending[0].signal.aborted).toBe(true);

    await act(async () => pending[1].resolve('new'));
    await act(async () => pending[0].resolve('old'));
    await act(async () => pending[0].reject(new Error('aborted')));
    await waitFor(() => expect(result.current.data).toBe('b:new'));
    expect(result.current.error).toBeNull();
  });

  it('lets the page change what it loaded', async () => {
    const { load, pending } = controlled();
    const { result } = renderHook(() => useLoad(load, []));
    await act(async () => pending[0].resolve('draft'));
    act(() => result.current.setData((old) => `${old} saved`));
    expect(result.current.data).toBe('draft saved');
  });
});
