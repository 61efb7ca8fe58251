import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageError } from '../components/PageError';
import { useResultsReport } from '../hooks/useResultsReport';
import { errorMessage } from '../lib/api';
import {
  bucket,
  DEAL_KINDS,
  formatQuantity,
  formatTonnes,
  fulfilmentPercent,
  marketOf,
  otherUnits,
  reportAt,
  type DealReport,
  type FulfilmentReport,
  type MeetingSide,
  type ReportBucket,
} from '../lib/dealDocument';
import { formatDate, formatDateRange, formatVnd } from '../lib/format';
import { RequireRole } from '../lib/guard';
import type { Locale } from '../lib/types';

type Labeller = (key: string) => string;

function useUnits(locale: Locale) {
  const { t } = useTranslation();
  return (units: Record<string, number> | null | undefined) =>
    otherUnits(units)
      .map(([unit, amount]) => `${formatQuantity(amount, locale)} ${t(`units.${unit}`, { defaultValue: unit })}`)
      .join('; ');
}

function BucketTable({ id, title, buckets, total, label, locale, note }: {
  id: string;
  title: string;
  buckets: readonly ReportBucket[];
  total?: ReportBucket;
  label: Labeller;
  locale: Locale;
  note?: string;
}) {
  const { t } = useTranslation();
  const units = useUnits(locale);
  return (
    <section className="report__section" aria-labelledby={`report-${id}`}>
      <h2 id={`report-${id}`}>{title}</h2>
      {note && <p className="muted">{note}</p>}
      <div className="table-scroll" tabIndex={0}>
        <table className="report__table" data-testid={`report-${id}`}>
          <thead>
            <tr>
              <th scope="col">{t('exports.report.col.name')}</th>
              <th scope="col">{t('exports.report.col.deals')}</th>
              <th scope="col">{t('exports.report.col.vnd')}</th>
              <th scope="col">{t('exports.report.col.tonnes')}</th>
              <th scope="col">{t('exports.report.col.others')}</th>
            </tr>
          </thead>
          <tbody>
            {buckets.map((b) => (
              <tr key={b.key}>
                <th scope="row">{label(b.key)}</th>
                <td className="num">{b.deals}</td>
                <td className="num">{formatVnd(b.vnd, locale)}</td>
                <td className="num">{formatTonnes(b.tonnes, locale)}</td>
                <td>{units(b.otherUnits)}</td>
              </tr>
            ))}
          </tbody>
          {total && (
            <tfoot>
              <tr>
                <th scope="row">{t('exports.report.total')}</th>
                <td className="num">{total.deals}</td>
                <td className="num">{formatVnd(total.vnd, locale)}</td>
                <td className="num">{formatTonnes(total.tonnes, locale)}</td>
                <td>{units(total.otherUnits)}</td>
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </section>
  );
}

function ReportCell({ report, locale }: { report: FulfilmentReport | null; locale: Locale }) {
  const { t } = useTranslation();
  if (!report) return <span className="muted">{t('exports.delivery.none')}</span>;
  const percent = fulfilmentPercent(report.quantityDelivered, report.quantitySigned);
  const unit = report.unit ? t(`units.${report.unit}`, { defaultValue: report.unit }) : '';
  return (
    <>
      {t(`exports.delivery.${report.status}`)}
      {report.quantityDelivered != null && (
        <>
          <br />
          <span className="nowrap">
            {report.quantitySigned != null
              ? t('exports.report.deliveredOf', {
                  delivered: formatQuantity(report.quantityDelivered, locale),
                  signed: formatQuantity(report.quantitySigned, locale),
                  unit,
                })
              : `${formatQuantity(report.quantityDelivered, locale)} ${unit}`}{' '}
            {percent != null && t('exports.report.percent', { percent })}
          </span>
        </>
      )}
    </>
  );
}

function Fulfilment({ report, locale }: { report: DealReport; locale: Locale }) {
  const { t } = useTranslation();
  const units = useUnits(locale);
  const marks = [...new Set(report.fulfilment.checkpoints.map((c) => c.atMonths))];
  const sides: MeetingSide[] = ['Producer', 'Buyer'];
  return (
    <section className="report__section" aria-labelledby="report-fulfilment">
      <h2 id="report-fulfilment">{t('exports.report.fulfilment')}</h2>
      <div className="table-scroll" tabIndex={0}>
        <table className="report__table" data-testid="report-checkpoints">
          <thead>
            <tr>
              <th scope="col">{t('exports.report.col.mark')}</th>
              <th scope="col">{t('exports.report.col.side')}</th>
              <th scope="col">{t('exports.delivery.Delivering')}</th>
              <th scope="col">{t('exports.delivery.Fulfilled')}</th>
              <th scope="col">{t('exports.delivery.Lapsed')}</th>
              <th scope="col">{t('exports.delivery.none')}</th>
              <th scope="col">{t('exports.report.col.delivered')}</th>
              <th scope="col">{t('exports.report.col.signed')}</th>
            </tr>
          </thead>
          <tbody>
            {report.fulfilment.checkpoints.map((c) => (
              <tr key={`${c.atMonths}-${c.side}`}>
                <th scope="row">{t('exports.report.months', { count: c.atMonths })}</th>
                <td>{t(`exports.side.${c.side}`)}</td>
                <td className="num">{c.delivering}</td>
                <td className="num">{c.fulfilled}</td>
                <td className="num">{c.lapsed}</td>
                <td className="num">{c.notReported}</td>
                <td className="num">{formatTonnes(c.tonnesDelivered, locale)}</td>
                <td className="num">{formatTonnes(c.tonnesSigned, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.fulfilment.deals.length > 0 && (
        <>
          <h3>{t('exports.report.fulfilmentDeals')}</h3>
          <div className="table-scroll" tabIndex={0}>
            <table className="report__table report__table--wide" data-testid="report-fulfilment-deals">
              <thead>
                <tr>
                  <th scope="col">{t('exports.report.col.producer')}</th>
                  <th scope="col">{t('exports.report.col.buyer')}</th>
                  <th scope="col">{t('exports.report.col.signedValue')}</th>
                  {marks.flatMap((m) =>
                    sides.map((s) => (
                      <th scope="col" key={`${m}-${s}`}>
                        {t('exports.report.months', { count: m })} – {t(`exports.side.${s}`)}
                      </th>
                    )),
                  )}
                </tr>
              </thead>
              <tbody>
                {report.fulfilment.deals.map((row) => (
                  <tr key={row.deal.dealId}>
                    <th scope="row">
                      {row.deal.producerName}
                      <br />
                      <span className="muted">{t(`exports.kind.${row.deal.kind}`)}</span>
                    </th>
                    <td>{row.deal.buyerOrganisation}</td>
                    <td className="num">
                      {formatVnd(row.deal.vnd, locale)}
                      {row.deal.tonnes > 0 && (
                        <>
                          <br />
                          {formatTonnes(row.deal.tonnes, locale)} {t('units.tan')}
                        </>
                      )}
                      {units(row.deal.otherUnits) && (
                        <>
                          <br />
                          {units(row.deal.otherUnits)}
                        </>
                      )}
                    </td>
                    {marks.flatMap((m) =>
                      sides.map((s) => (
                        <td key={`${m}-${s}`}>
                          <ReportCell report={reportAt(row.reports, m, s)} locale={locale} />
                        </td>
                      )),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function Report({ fairId }: { fairId: string }) {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'vi';
  const { loading, error, report, fair, files, refresh } = useResultsReport(fairId);
  const units = useUnits(locale);

  useEffect(() => {
    document.title = `${t('exports.report.title')} · ${t('app.name')}`;
  }, [t]);

  if (error) return <PageError message={errorMessage(error)} />;
  if (loading || !report || !fair) {
    return (
      <main className="page">
        <p className="muted">{t('common.loading')}</p>
      </main>
    );
  }

  const timeZone = fair.timeZone;
  const unknown = t('exports.report.unknown');
  const kindLabel: Labeller = (k) => t(`exports.kind.${k}`);
  const groupLabel: Labeller = (k) => t(`groups.${k}`, { defaultValue: k });
  const buyerLabel: Labeller = (k) => t(`buyers.kind.${k}`, { defaultValue: k });
  const districtLabel: Labeller = (k) => k || unknown;
  const marketLabel: Labeller = (k) => {
    const m = marketOf(k);
    return !m ? unknown : m.export ? t('exports.market.export', { name: m.name }) : m.name;
  };
  const others = units(report.totals.otherUnits);
  const total = report.totals;

  return (
    <main className="page report" data-testid="results-report">
      <p className="crumb no-print">
        <Link to={`/fairs/${encodeURIComponent(fairId)}`}>← {t('exports.report.back')}</Link>
      </p>
      <h1>{t('exports.report.title')}</h1>
      <p className="report__fair">
        <strong>{fair.name}</strong> · {fair.venue} · <span className="nowrap">{formatDateRange(fair.startsAt, fair.endsAt, timeZone)}</span>
      </p>
      <div className="report__actions no-print" role="group" aria-label={t('exports.report.downloads')}>
        <a className="btn" href={files.dealsCsv} download data-testid="report-csv">
          {t('exports.report.dealsCsv')}
        </a>
        <a className="btn" href={files.dealsXlsx} download data-testid="report-deals-xlsx">
          {t('exports.report.dealsXlsx')}
        </a>
        <a className="btn btn--accent" href={files.reportXlsx} download data-testid="report-xlsx">
          {t('exports.report.reportXlsx')}
        </a>
        <button type="button" className="btn" onClick={() => window.print()}>
          {t('exports.report.print')}
        </button>
        <button type="button" className="btn" onClick={refresh}>
          {t('exports.report.refresh')}
        </button>
      </div>

      {total.deals === 0 ? (
        <p className="muted" data-testid="report-empty">
          {t('exports.report.empty')}
        </p>
      ) : (
        <>
          <p className="report__summary" data-testid="report-summary">
            {t('exports.report.summary', {
              memoranda: bucket(report.byKind, 'Memorandum').deals,
              agreements: bucket(report.byKind, 'CooperationAgreement').deals,
              contracts: bucket(report.byKind, 'ConsumptionContract').deals,
              tonnes: formatTonnes(total.tonnes, locale),
              value: formatVnd(total.vnd, locale),
            })}
            {others && <> {t('exports.report.others', { list: others })}</>}
          </p>
          <BucketTable
            id="by-kind"
            title={t('exports.report.byKind')}
            buckets={DEAL_KINDS.map((k) => bucket(report.byKind, k))}
            total={total}
            label={kindLabel}
            locale={locale}
          />
          <BucketTable id="by-district" title={t('exports.report.byDistrict')} buckets={report.byDistrict} total={total} label={districtLabel} locale={locale} />
          <BucketTable
            id="by-group"
            title={t('exports.report.byGroup')}
            buckets={report.byGroup.filter((b) => b.deals > 0)}
            label={groupLabel}
            locale={locale}
            note={t('exports.report.groupNote')}
          />
          <BucketTable
            id="by-buyer-kind"
            title={t('exports.report.byBuyerKind')}
            buckets={report.byBuyerKind.filter((b) => b.deals > 0)}
            total={total}
            label={buyerLabel}
            locale={locale}
          />
          <BucketTable id="by-market" title={t('exports.report.byMarket')} buckets={report.byMarket} total={total} label={marketLabel} locale={locale} />

          <section className="report__section" aria-labelledby="report-top">
            <h2 id="report-top">{t('exports.report.top')}</h2>
            <div className="table-scroll" tabIndex={0}>
              <table className="report__table report__table--wide" data-testid="report-top">
                <thead>
                  <tr>
                    <th scope="col">{t('exports.report.col.rank')}</th>
                    <th scope="col">{t('exports.report.col.kind')}</th>
                    <th scope="col">{t('exports.report.col.producer')}</th>
                    <th scope="col">{t('exports.report.col.district')}</th>
                    <th scope="col">{t('exports.report.col.buyer')}</th>
                    <th scope="col">{t('exports.report.col.vnd')}</th>
                    <th scope="col">{t('exports.report.col.tonnes')}</th>
                    <th scope="col">{t('exports.report.col.signedOn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.top.map((d, i) => (
                    <tr key={d.dealId}>
                      <td className="num">{i + 1}</td>
                      <td>{kindLabel(d.kind)}</td>
                      <th scope="row">
                        {d.producerName}
                        <br />
                        <Link className="no-print" to={`/fairs/${encodeURIComponent(fairId)}/deals/${encodeURIComponent(d.dealId)}/print`} data-testid={`report-print-${d.dealId}`}>
                          {t('exports.link.print')}
                        </Link>
                      </th>
                      <td>{districtLabel(d.district ?? '')}</td>
                      <td>
                        {d.buyerOrganisation}
                        <br />
                        <span className="muted">{buyerLabel(d.buyerKind)}</span>
                      </td>
                      <td className="num">{formatVnd(d.vnd, locale)}</td>
                      <td className="num">{formatTonnes(d.tonnes, locale)}</td>
                      <td>{d.signedAt ? formatDate(d.signedAt, timeZone) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <Fulfilment report={report} locale={locale} />
        </>
      )}
    </main>
  );
}

export default function ResultsReportPage({ fairId }: { fairId: string }) {
  return <RequireRole roles={['Organiser', 'Admin']}>{() => <Report fairId={fairId} />}</RequireRole>;
}
