// Progress of the import call running in the worker, with Cancel: a long
// import never freezes the window and can be stopped (nothing is half-written,
// the store commits in one transaction or not at all).
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Progress } from '../../workers/engine-protocol';

/** A bar with the step's name; determinate when the worker reports a total. */
export function ImportProgress({ progress, onCancel }: { progress: Progress | null; onCancel: (() => void) | null }) {
  if (!progress) return null;
  const determinate = progress.total > 0;
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }} role="status" aria-label="Import progress">
      <LinearProgress sx={{ flexGrow: 1 }} aria-label={progress.label} variant={determinate ? 'determinate' : 'indeterminate'} value={determinate ? Math.round((100 * progress.done) / progress.total) : 0} />
      <Typography variant="caption" color="text.secondary">
        {progress.label}…
      </Typography>
      {onCancel ? (
        <Button size="small" onClick={onCancel}>
          Cancel
        </Button>
      ) : null}
    </Stack>
  );
}
