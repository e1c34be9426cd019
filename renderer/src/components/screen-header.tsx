import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { parseIsoDate } from '../core/dates';
import { useEngine } from './engine-context';

/** The as-of date that drives every screen; a half-typed date is kept until it is valid. */
export function AsOfPicker() {
  const { asOf, setAsOf } = useEngine();
  const [text, setText] = useState(asOf);
  const [shown, setShown] = useState(asOf);
  // Follow changes made elsewhere (another screen's picker).
  if (shown !== asOf) {
    setShown(asOf);
    setText(asOf);
  }
  return (
    <TextField
      size="small"
      type="date"
      label="As of"
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        if (parseIsoDate(event.target.value) !== null) setAsOf(event.target.value);
      }}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'aria-label': 'As-of date' } }}
    />
  );
}

/** A screen's title row: heading, what it is about, the as-of date, shared progress and errors. */
export function ScreenHeader({ title, subtitle, actions, asOf = true }: { title: string; subtitle?: ReactNode; actions?: ReactNode; asOf?: boolean }) {
  const { progress, error, cancelRunning } = useEngine();
  const determinate = progress !== null && progress.total > 0;
  return (
    <Box sx={{ mb: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="h5" component="h1">
            {title}
          </Typography>
          {subtitle ? (
            <Typography variant="body2" color="text.secondary">
              {subtitle}
            </Typography>
          ) : null}
        </Box>
        {actions}
        {asOf ? <AsOfPicker /> : null}
      </Stack>
      <Box sx={{ height: 28, mt: 1 }} aria-live="polite">
        {progress ? (
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <LinearProgress
              sx={{ flexGrow: 1 }}
              aria-label={progress.label}
              variant={determinate ? 'determinate' : 'indeterminate'}
              value={determinate ? Math.round((100 * progress.done) / progress.total) : 0}
            />
            <Typography variant="caption" color="text.secondary">
              {progress.label}…
            </Typography>
            <Button size="small" onClick={cancelRunning}>
              Cancel
            </Button>
          </Stack>
        ) : null}
      </Box>
      {error ? (
        <Alert severity="error" sx={{ mb: 1 }}>
          {error}
        </Alert>
      ) : null}
    </Box>
  );
}
