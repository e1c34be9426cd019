// How dates and numbers read on screen (the workbooks keep real dates and
// numbers, formatted by Excel). Saved in the store so every window agrees.
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEngine } from '../../components/engine-context';
import { formatCents, formatDate, type DisplayFormats } from '../../components/format';
import type { JsonValue } from '../../db';
import { DISPLAY_FORMATS_SETTING } from '../../workers/engine-protocol';

const DATE_ORDERS: readonly { value: DisplayFormats['date']; label: string }[] = [
  { value: 'iso', label: 'Year-month-day (2026-01-31)' },
  { value: 'dmy', label: 'Day/month/year (31/01/2026)' },
  { value: 'mdy', label: 'Month/day/year (01/31/2026)' },
];

const MAX_SYMBOL = 4;

/** Date order, decimal mark and currency symbol. */
export function DisplayFormatsPanel() {
  const { client, formats, setFormats } = useEngine();
  const save = (next: DisplayFormats): void => {
    setFormats(next);
    void client.call('setting-put', { key: DISPLAY_FORMATS_SETTING, value: next as unknown as JsonValue, now: new Date().toISOString() });
  };
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }} role="region" aria-label="Date and number formats">
      <Typography variant="subtitle1" component="h2" gutterBottom>
        Date and number formats
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <TextField select size="small" label="Dates" value={formats.date} onChange={(event) => save({ ...formats, date: event.target.value as DisplayFormats['date'] })} sx={{ width: 280 }}>
          {DATE_ORDERS.map((option) => (
            <MenuItem key={option.value} value={option.value}>
              {option.label}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label="Decimal mark" value={formats.decimal} onChange={(event) => save({ ...formats, decimal: event.target.value === ',' ? ',' : '.' })} sx={{ width: 220 }}>
          <MenuItem value=".">Point (1,234.50)</MenuItem>
          <MenuItem value=",">Comma (1.234,50)</MenuItem>
        </TextField>
        <TextField
          size="small"
          label="Currency symbol"
          value={formats.currencySymbol}
          onChange={(event) => save({ ...formats, currencySymbol: event.target.value.slice(0, MAX_SYMBOL) })}
          sx={{ width: 140 }}
        />
        <Typography variant="body2" color="text.secondary" aria-label="Format example">
          Example: {formatDate('2026-01-31', formats)}, {formatCents(123450, formats)}
        </Typography>
      </Stack>
    </Paper>
  );
}
