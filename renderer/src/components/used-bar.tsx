import Box from '@mui/material/Box';
import { formatPercentTenths, type DisplayFormats } from './format';

/** Used % as a bar with its figure; red past 100 %, amber from 80 %. */
export function UsedBar({ tenths, formats }: { tenths: number | null; formats: DisplayFormats }) {
  if (tenths === null) return <span>—</span>;
  const width = Math.max(0, Math.min(100, tenths / 10));
  const color = tenths > 1000 ? 'error.main' : tenths >= 800 ? 'warning.main' : 'primary.main';
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, height: '100%' }}>
      <Box sx={{ flexGrow: 1, height: 8, borderRadius: 4, bgcolor: 'action.hover', overflow: 'hidden' }}>
        <Box sx={{ width: `${width}%`, height: '100%', bgcolor: color }} />
      </Box>
      <Box component="span" sx={{ minWidth: 56, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
        {formatPercentTenths(tenths, formats)}
      </Box>
    </Box>
  );
}
