import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useUnsavedChangesGuard } from './navigation';
import { renderPage } from '../test/render';

function Editor() {
  const [dirty, setDirty] = useState(false);
  useUnsavedChangesGuard(dirty, 'Leave without saving?');
  return (
    <button type="button" onClick={() => setDirty((d) => !d)} data-testid="toggle">
      {dirty ? 'dirty' : 'clean'}
    </button>
  );
}

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

/** The editor at /fairs/f1/floor-plan, reached from /fairs/f1 (so back has somewhere to go). */
async function setup() {
  window.history.replaceState(null, '', '/fairs/f1');
  const page = renderPage(
    <>
      <Where />
      <Editor />
      <Link to="/fairs/f1" data-testid="away">
        away
      </Link>
    </>,
  );
  await act(() => page.router.navigate('/fairs/f1/floor-plan'));
  return page;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useUnsavedChangesGuard', () => {
  it('asks before in-app navigation only while blocking, and stays when the answer is no', async () => {
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    await setup();
    fireEvent.click(screen.getByTestId('toggle'));
    fireEvent.click(screen.getByTestId('away'));
    await waitFor(() => expect(confirm).toHaveBeenCalledWith('Leave without saving?'));
    expect(screen.getByTestId('where').textContent).toBe('/fairs/f1/floor-plan');
    expect(window.location.pathname).toBe('/fairs/f1/floor-plan');

    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByTestId('away'));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/fairs/f1'));
  });

  it('lets go without asking when nothing is unsaved', async () => {
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    await setup();
    fireEvent.click(screen.getByTestId('away'));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/fairs/f1'));
    expect(confirm).not.toHaveBeenCalled();
  });

  it('puts the page back when back is pressed and the answer is no', async () => {
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    await setup();
    fireEvent.click(screen.getByTestId('toggle'));
    act(() => window.history.back());
    await waitFor(() => expect(confirm).toHaveBeenCalled());
    await waitFor(() => expect(window.location.pathname).toBe('/fairs/f1/floor-plan'));
    expect(screen.getByTestId('where').textContent).toBe('/fairs/f1/floor-plan');
  });

  it('asks the browser before unloading the page', async () => {
    await setup();
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);
    fireEvent.click(screen.getByTestId('toggle'));
    expect(unload()).toBe(true);
  });
});
