import { useEffect, useRef, useState } from 'react';
import { formatCountdown, remainingMs } from '../lib/booths';

interface HoldCountdownProps {
  /** When the hold lapses (ISO, from the server). */
  expiresAt: string | null | undefined;
  className?: string;
  /** Called once the hold has lapsed (also at once if it already had). */
  onExpire?: () => void;
}

/** "mm:ss" left on a booth hold, updated every second; "00:00" once it lapsed. */
export function HoldCountdown({ expiresAt, className, onExpire }: HoldCountdownProps) {
  const [now, setNow] = useState(() => Date.now());
  const left = remainingMs(expiresAt, now);
  const onExpireRef = useRef(onExpire);
  onExpireRef.current = onExpire;

  useEffect(() => {
    setNow(Date.now());
    if (remainingMs(expiresAt, Date.now()) <= 0) {
      onExpireRef.current?.();
      return;
    }
    const timer = setInterval(() => {
      const at = Date.now();
      setNow(at);
      if (remainingMs(expiresAt, at) <= 0) {
        clearInterval(timer);
        onExpireRef.current?.();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [expiresAt]);

  return (
    <span
      className={`countdown${left <= 60000 ? ' countdown--low' : ''}${className ? ` ${className}` : ''}`}
      data-testid="hold-countdown"
      data-expired={left <= 0 ? 'true' : 'false'}
      role="timer"
      aria-live="off"
    >
      {formatCountdown(left)}
    </span>
  );
}
