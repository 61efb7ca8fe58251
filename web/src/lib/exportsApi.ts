// The exports' and report's routes through the shared typed client (lib/api.ts): a deal for its printed document,
// the public verification behind the document's QR, the fair's results report, and the addresses of the files and
// the QR. Kept apart from lib/api.ts so these pages grow without touching the shared file.

import { queryOptions } from '@tanstack/react-query';
import { call, client } from './api';

const enc = encodeURIComponent;

export const exportsApi = {
  deal: (fairId: string, dealId: string, signal?: AbortSignal) =>
    call(client.GET('/api/fairs/{fairId}/deals/{dealId}', { params: { path: { fairId, dealId } }, signal })),
  verify: (dealId: string, signal?: AbortSignal) =>
    call(client.GET('/api/deals/{dealId}/verify', { params: { path: { dealId } }, signal })),
  report: (fairId: string, signal?: AbortSignal) =>
    call(client.GET('/api/fairs/{fairId}/report', { params: { path: { fairId } }, signal })),
  qrUrl: (dealId: string) => `/api/deals/${enc(dealId)}/qr.svg`,
  verifyPath: (dealId: string) => `/deals/${enc(dealId)}/verify`,
  dealsCsvUrl: (fairId: string) => `/api/fairs/${enc(fairId)}/exports/deals.csv`,
  dealsXlsxUrl: (fairId: string) => `/api/fairs/${enc(fairId)}/exports/deals.xlsx`,
  reportXlsxUrl: (fairId: string) => `/api/fairs/${enc(fairId)}/exports/report.xlsx`,
};

export const exportKeys = {
  deal: (fairId: string, dealId: string) => ['fairs', fairId, 'deals', dealId] as const,
  verify: (dealId: string) => ['deals', dealId, 'verify'] as const,
  report: (fairId: string) => ['fairs', fairId, 'report'] as const,
};

export const dealDocumentQuery = (fairId: string, dealId: string) =>
  queryOptions({ queryKey: exportKeys.deal(fairId, dealId), queryFn: ({ signal }) => exportsApi.deal(fairId, dealId, signal) });

export const verifyQuery = (dealId: string) =>
  queryOptions({ queryKey: exportKeys.verify(dealId), queryFn: ({ signal }) => exportsApi.verify(dealId, signal), retry: false });

export const reportQuery = (fairId: string) =>
  queryOptions({ queryKey: exportKeys.report(fairId), queryFn: ({ signal }) => exportsApi.report(fairId, signal) });
