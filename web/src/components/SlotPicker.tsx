// Free slots as radio buttons grouped by the fair's local day (times in the fair's zone), for a meeting request or
// a proposal of another time.

import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { boothOf, dayLabel, slotsByDay } from '../lib/meetings';
import type { MeetingPlace } from '../lib/meetingsApi';

/** Where a meeting is: its booth, or the exhibitor's meeting table when it has no booth yet. */
export function placeText(t: TFunction, place: MeetingPlace): string {
  const booth = boothOf(place);
  return booth ? t('meetings.boothPlace', { code: booth }) : t('meetings.tablePlace');
}

export function SlotPicker({
  free,
  timeZone,
  value,
  onChange,
  name,
}: {
  free: readonly string[];
  timeZone?: string;
  value: string | null;
  onChange: (startsAt: string) => void;
  name: string;
}) {
  const { t } = useTranslation();
  const days = slotsByDay(free, timeZone);
  if (days.length === 0) return <p className="muted">{t('meetings.request.noSlots')}</p>;
  return (
    <fieldset className="slot-picker">
      <legend>{t('meetings.request.slots')}</legend>
      {days.map(({ day, slots }) => (
        <div key={day} className="slot-picker__day">
          <p className="slot-picker__date">{dayLabel(day)}</p>
          <div className="slot-picker__slots">
            {slots.map((s) => (
              <label key={s.startsAt} className={`slot${value === s.startsAt ? ' slot--chosen' : ''}`} data-testid={`slot-${s.startsAt}`}>
                <input type="radio" name={name} value={s.startsAt} checked={value === s.startsAt} onChange={() => onChange(s.startsAt)} />
                <span>{s.time}</span>
              </label>
            ))}
          </div>
        </div>
      ))}
    </fieldset>
  );
}
