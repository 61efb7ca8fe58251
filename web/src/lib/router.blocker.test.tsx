import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { Link, Router, useBlocker, useRouter } from './router';

function Editor() {
  const [dirty, setDirty] = useState(false);
  useBlocker(dirty, 'Leave without saving?');
  return (
    <button type="button" onClick={() => setDirty((d) => !d)} data-testid="toggle">
      {dirty ? 'dirty' : 'clean'}
    </button>
  );
}

function Where() {
  const { location } = useRouter();
  return <p data-testid="where">{location.pathname}</p>;
}

function setup() {
  window.history.replaceState(null, '', '/fairs/f1/floor-plan');
  render(
    <Router>
      <Where />
      <Editor />
      <Link to="/fairs/f1" data-testid="away">
        away
      </Link>
    </Router>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useBlocker', () => {
  it('asks before in-app navigation only while blocking, and stays when the answer is no', () => {
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    setup();
    fireEvent.click(screen.getByTestId('toggle'));
    fireEvent.click(screen.getByTestId('away'));
    expect(confirm).toHaveBeenCalledWith('Leave without saving?');
    expect(screen.getByTestId('where').textContent).toBe('/fairs/f1/floor-plan');
    expect(window.location.pathname).toBe('/fairs/f1/floor-plan');

    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByTestId('away'));
    expect(screen.getByTestId('where').textContent).toBe('/fairs/f1');
  });

  it('lets go without asking when nothing is unsaved', () => {
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    setup();
    fireEvent.click(screen.getByTestId('away'));
    expect(confirm).not.toHaveBeenCalled();
    expect(screen.getByTestId('where').textContent).toBe('/fairs/f1');
  });

  it('puts the page back when back is pressed and the answer is no', () => {
    vi.stubGlobal('confirm', vi.fn(() => false));
    setup();
    fireEvent.click(screen.getByTestId('toggle'));
    act(() => {
      window.history.pushState(null, '', '/elsewhere');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(screen.getByTestId('where').textContent).toBe('/fairs/f1/floor-plan');
    expect(window.location.pathname).toBe('/fairs/f1/floor-plan');
  });

  it('asks the browser before unloading the page', () => {
    setup();
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
