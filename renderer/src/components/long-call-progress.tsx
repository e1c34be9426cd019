// The bar of a screen's long call, with Cancel while it runs, and its failure
// in words the clerk can close.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import type { SxProps, Theme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import type { LongCall } from './use-long-call';

/** Shows nothing when idle; a determinate bar when the worker gives a total. */
export function LongCallProgress({ call, label }: { call: LongCall; label: string }) {
  if (!call.running) return null;
  const { progress } = call;
  const determinate = progress !== null && progress.total > 0;
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', my: 1 }} role="status" aria-label={label}>
      <LinearProgress
        sx={{ flexGrow: 1 }}
        aria-label={`${label} progress`}
        variant={determinate ? 'determinate' : 'indeterminate'}
        value={determinate ? Math.round((100 * progress.done) / progress.total) : 0}
      />
      <Typography variant="caption" color="text.secondary">
        {progress ? `${progress.label}… (${progress.done} of ${progress.total})` : 'Starting…'}
      </Typography>
      <Button size="small" onClick={call.cancel}>
        Cancel
      </Button>
    </Stack>
  );
}

/** The long call's failure, if any, closable (closing clears it). */
export function LongCallError({ call, sx }: { call: LongCall; sx?: SxProps<Theme> }) {
  if (!call.error) return null;
  return (
    <Alert severity="error" sx={sx} onClose={call.clearError}>
      {call.error}
    </Alert>
  );
}
