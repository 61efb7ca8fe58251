// The fair's results report for the organiser: the figures, the fair, and the files to download.

import { useQuery } from '@tanstack/react-query';
import { exportsApi, reportQuery } from '../lib/exportsApi';
import { fairQuery } from '../lib/queries';

export function useResultsReport(fairId: string) {
  const report = useQuery(reportQuery(fairId));
  const fair = useQuery(fairQuery(fairId));
  return {
    loading: report.isPending || fair.isPending,
    error: report.error ?? fair.error,
    report: report.data ?? null,
    fair: fair.data ?? null,
    refresh: () => void report.refetch(),
    files: {
      dealsCsv: exportsApi.dealsCsvUrl(fairId),
      dealsXlsx: exportsApi.dealsXlsxUrl(fairId),
      reportXlsx: exportsApi.reportXlsxUrl(fairId),
    },
  };
}
