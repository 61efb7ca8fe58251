// The organiser's gate (/fairs/{fairId}/gate): check a buyer in by the badge's QR (the phone's camera) or its typed
// code, keep the last scans, and the fair's buyers registered and present by kind, reloaded after each check-in.

import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../lib/api';
import { badgeCodeOf, pushScan, type Scan } from '../lib/buyers';
import { buyerKeys, buyersApi, fairBuyersQuery } from '../lib/buyersApi';

/** A code the camera keeps seeing is checked in once within this time. */
const RESCAN_MS = 4000;
const OVERVIEW_REFRESH_MS = 20_000;

export type CameraState = 'off' | 'starting' | 'on' | 'failed';

interface ScannerControls {
  stop: () => void;
}

export function useGate(fairId: string) {
  const queryClient = useQueryClient();
  // Other gates check buyers in too: the overview follows them every so often, and at once after this gate's scans.
  const buyers = useQuery({ ...fairBuyersQuery(fairId), refetchInterval: OVERVIEW_REFRESH_MS });
  const [code, setCode] = useState('');
  const [scans, setScans] = useState<Scan[]>([]);
  const [busy, setBusy] = useState(false);
  const [camera, setCamera] = useState<CameraState>('off');
  const [cameraError, setCameraError] = useState<string | null>(null);
  const controls = useRef<ScannerControls | null>(null);
  const lastRead = useRef<{ code: string; at: number } | null>(null);

  const checkIn = useCallback(
    async (raw: string) => {
      const badgeCode = badgeCodeOf(raw);
      if (!badgeCode) return null;
      setBusy(true);
      const at = new Date().toISOString();
      try {
        const result = await buyersApi.checkIn(fairId, badgeCode);
        setScans((s) => pushScan(s, { code: badgeCode, at, result }));
        void queryClient.invalidateQueries({ queryKey: buyerKeys.fairBuyers(fairId), exact: true });
        return result;
      } catch (e) {
        setScans((s) => pushScan(s, { code: badgeCode, at, error: errorMessage(e) }));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [fairId, queryClient],
  );

  /** The typed code; the field empties once the server answered well, ready for the next buyer. */
  const submitTyped = useCallback(async () => {
    if (await checkIn(code)) setCode('');
  }, [checkIn, code]);

  const stopCamera = useCallback(() => {
    controls.current?.stop();
    controls.current = null;
    setCamera('off');
  }, []);

  const startCamera = useCallback(
    async (video: HTMLVideoElement, failedText: string) => {
      setCamera('starting');
      setCameraError(null);
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new Error('no camera');
        // @zxing/browser rather than html5-qrcode: it decodes into our own <video> and leaves the markup (labels, tap
        // targets, texts in vi/en) to the page, where html5-qrcode draws its own untranslated controls. Loaded only
        // here: the decoder is the biggest part of the page and a gate that types codes never needs it.
        const { BrowserQRCodeReader } = await import('@zxing/browser');
        const reader = new BrowserQRCodeReader();
        controls.current = await reader.decodeFromConstraints({ video: { facingMode: 'environment' } }, video, (result) => {
          if (!result) return;
          const text = badgeCodeOf(result.getText());
          const now = Date.now();
          if (lastRead.current && lastRead.current.code === text && now - lastRead.current.at < RESCAN_MS) return;
          lastRead.current = { code: text, at: now };
          void checkIn(text);
        });
        setCamera('on');
      } catch {
        controls.current = null;
        setCamera('failed');
        setCameraError(failedText);
      }
    },
    [checkIn],
  );

  // Leaving the page turns the camera off.
  useEffect(() => () => controls.current?.stop(), []);

  return {
    code,
    setCode,
    scans,
    last: scans[0] ?? null,
    busy,
    submitTyped,
    checkIn,
    camera,
    cameraError,
    startCamera,
    stopCamera,
    buyers: buyers.data ?? null,
    buyersError: buyers.error,
  };
}
