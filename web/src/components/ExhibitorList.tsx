import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { byZone, isFilteringExhibitors, type ExhibitorFilter } from '../lib/exhibitors';
import type { Exhibitor, Locale, ProductGroup, Zone } from '../lib/types';

interface ExhibitorListProps {
  /** The exhibitors that match the filter. */
  exhibitors: readonly Exhibitor[];
  /** How many there are without the filter. */
  total: number;
  zones: readonly Zone[];
  filter: ExhibitorFilter;
  onFilter: (key: keyof ExhibitorFilter, value: string) => void;
  onClear: () => void;
  groups: readonly ProductGroup[];
  districts: readonly string[];
  /** The exhibitor picked, whose booths the map outlines. */
  chosen: string | null;
  onChoose: (producerId: string) => void;
  loading?: boolean;
  error?: string | null;
}

/** Who exhibits, by zone, with a search that ignores diacritics and filters by OCOP group and district. */
export function ExhibitorList(props: ExhibitorListProps) {
  const { exhibitors, total, zones, filter, onFilter, onClear, groups, districts, chosen, onChoose, loading, error } = props;
  const { t, i18n } = useTranslation();
  const lang: Locale = i18n.language === 'en' ? 'en' : 'vi';
  const id = useId();
  const sections = byZone(exhibitors, zones, lang);

  return (
    <section className="exhibitors" aria-labelledby={`${id}-title`} data-testid="exhibitor-list">
      <h3 id={`${id}-title`} className="exhibitors__title">
        {t('exhibitors.title')}
      </h3>
      <div className="exhibitors__filters" role="search">
        <label className="field">
          <span>{t('exhibitors.search')}</span>
          <input
            type="search"
            value={filter.q}
            onChange={(e) => onFilter('q', e.target.value)}
            placeholder={t('exhibitors.searchPlaceholder')}
            autoComplete="off"
            data-testid="exhibitor-search"
          />
        </label>
        <div className="exhibitors__selects">
          <label className="field">
            <span>{t('exhibitors.group')}</span>
            <select value={filter.group} onChange={(e) => onFilter('group', e.target.value)} data-testid="exhibitor-group">
              <option value="">{t('exhibitors.allGroups')}</option>
              {groups.map((g) => (
                <option key={g} value={g}>
                  {t(`groups.${g}`, { defaultValue: g })}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('exhibitors.district')}</span>
            <select
              value={filter.district}
              onChange={(e) => onFilter('district', e.target.value)}
              data-testid="exhibitor-district"
            >
              <option value="">{t('exhibitors.allDistricts')}</option>
              {districts.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>

      <p className="exhibitors__count muted" aria-live="polite" data-testid="exhibitor-count" data-count={exhibitors.length}>
        {isFilteringExhibitors(filter)
          ? t('exhibitors.matching', { count: exhibitors.length, total })
          : t('exhibitors.count', { count: total })}
        {isFilteringExhibitors(filter) && (
          <button type="button" className="btn btn--ghost exhibitors__clear" onClick={onClear}>
            {t('exhibitors.clear')}
          </button>
        )}
      </p>

      {error ? (
        // The map works without the list: a quiet note, not an alarm.
        <p className="muted" data-testid="exhibitors-error">
          {error}
        </p>
      ) : loading ? (
        <p className="muted">{t('common.loading')}</p>
      ) : total === 0 ? (
        <p className="muted" data-testid="exhibitors-empty">
          {t('exhibitors.empty')}
        </p>
      ) : exhibitors.length === 0 ? (
        <p className="muted" data-testid="exhibitors-none">
          {t('exhibitors.none')}
        </p>
      ) : (
        sections.map((section) => (
          <div key={section.code || '-'} className="exhibitors__zone">
            <h4 className="exhibitors__zone-name">
              {section.code ? `${section.name} (${section.code})` : t('exhibitors.unplaced')}
            </h4>
            <ul className="exhibitors__items">
              {section.exhibitors.map((e) => {
                const picked = e.producerId === chosen;
                return (
                  <li
                    key={e.producerId}
                    className={`exhibitor${picked ? ' exhibitor--chosen' : ''}`}
                    data-testid={`exhibitor-${e.producerId}`}
                  >
                    <button
                      type="button"
                      className="exhibitor__pick"
                      onClick={() => onChoose(e.producerId)}
                      aria-pressed={picked}
                      data-testid={`exhibitor-pick-${e.producerId}`}
                    >
                      <span className="exhibitor__name">{e.name}</span>
                      <span className="exhibitor__meta">
                        {e.boothCodes.length > 0 && (
                          <span className="exhibitor__booths">{t('exhibitors.booths', { codes: e.boothCodes.join(', ') })}</span>
                        )}
                        <span>{e.district}</span>
                        {e.maxStars > 0 && (
                          <span className="stars" aria-label={t('exhibitors.stars', { count: e.maxStars })}>
                            {'★'.repeat(e.maxStars)}
                          </span>
                        )}
                      </span>
                      {e.products.length > 0 && <span className="exhibitor__products muted">{e.products.slice(0, 3).join(' · ')}</span>}
                    </button>
                    <Link
                      to={`/producers/${encodeURIComponent(e.producerId)}`}
                      className="exhibitor__page"
                      aria-label={t('exhibitors.pageOf', { name: e.name })}
                      data-testid={`exhibitor-page-${e.producerId}`}
                    >
                      ›
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
