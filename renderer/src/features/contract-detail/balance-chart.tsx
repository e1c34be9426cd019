import { LineChart } from '@mui/x-charts/LineChart';
import { useMemo } from 'react';
import type { LedgerEvent } from '../../core/result';
import { balanceSeries } from './balance-series';

const markerOnly = { showMark: true, connectNulls: false, disableHighlight: false } as const;

/** Balance over time (step line), with grants, expiries and overage as markers. */
export function BalanceChart({ ledger, unitLabel }: { ledger: readonly LedgerEvent[]; unitLabel: string }) {
  const series = useMemo(() => balanceSeries(ledger), [ledger]);
  const dates = useMemo(() => series.days.map((day) => new Date(`${day}T00:00:00Z`)), [series]);
  if (series.days.length === 0) return null;
  return (
    <LineChart
      height={260}
      aria-label="Balance over time"
      xAxis={[{ data: dates, scaleType: 'time', valueFormatter: (date: Date) => date.toISOString().slice(0, 10) }]}
      yAxis={[{ label: unitLabel, width: 60 }]}
      series={[
        { id: 'balance', label: 'Balance', data: [...series.balance], curve: 'stepAfter', showMark: false, color: '#1f77b4' },
        { id: 'grants', label: 'Grant or purchase', data: [...series.grants], ...markerOnly, color: '#2e7d32', shape: 'triangle' },
        { id: 'expiries', label: 'Expiry', data: [...series.expiries], ...markerOnly, color: '#ed6c02', shape: 'square' },
        { id: 'overage', label: 'Overage', data: [...series.overage], ...markerOnly, color: '#d32f2f', shape: 'diamond' },
      ]}
      grid={{ horizontal: true }}
    />
  );
}
