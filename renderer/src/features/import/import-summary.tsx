// The last step of the wizard: what the import will add, what it leaves out,
// the records it would change (side by side), and the button that commits it.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { PlanCounts } from '../../db';
import type { ImportPreviewResult } from '../../workers/engine-protocol';
import { ConflictTable } from './conflict-table';

function countsLine(label: string, counts: PlanCounts): string {
  return `${label}: ${counts.new} new, ${counts.unchanged} already stored${counts.conflicts > 0 ? `, ${counts.conflicts} changed since the last import` : ''}`;
}

export interface ImportSummaryProps {
  readonly preview: ImportPreviewResult;
  readonly replace: ReadonlySet<string>;
  readonly busy: boolean;
  onReplace(keys: ReadonlySet<string>): void;
  onCommit(): void;
}

/** "Ready to import" with counts and conflicts, or why the import cannot go ahead. */
export function ImportSummary({ preview, replace, busy, onReplace, onCommit }: ImportSummaryProps) {
  const { plan } = preview;
  const conflicts = preview.conflicts ?? [];
  const toggle = (key: string): void => {
    const next = new Set(replace);
    if (!next.delete(key)) next.add(key);
    onReplace(next);
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }} role="region" aria-label="Ready to import">
      {plan ? (
        <>
          <Typography variant="subtitle1" component="h2" gutterBottom>
            Ready to import
          </Typography>
          <Typography variant="body2">{countsLine('Contracts', plan.contracts)}</Typography>
          <Typography variant="body2">{countsLine('Additions', plan.additions)}</Typography>
          <Typography variant="body2">{countsLine('Entries', plan.entries)}</Typography>
          {plan.rejectedRows > 0 ? (
            <Typography variant="body2" color="error" sx={{ mt: 1 }}>
              {plan.rejectedRows} {plan.rejectedRows === 1 ? 'row has' : 'rows have'} problems and will be left out (listed above). Fix them in the source and import the file again; the rows already stored are recognised and not doubled.
            </Typography>
          ) : null}
          {plan.conflicts > 0 ? (
            <>
              <Typography variant="body2" sx={{ mt: 1 }}>
                {`${plan.conflicts} ${plan.conflicts === 1 ? 'record differs' : 'records differ'} from the stored version. The stored version is kept unless you tick "Use the file's version".`}
                {conflicts.length < plan.conflicts ? ` The first ${conflicts.length} are shown.` : ''}
              </Typography>
              <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
                <Button size="small" onClick={() => onReplace(new Set(conflicts.map((conflict) => conflict.key)))}>
                  Use the file for all
                </Button>
                <Button size="small" onClick={() => onReplace(new Set())}>
                  Keep all stored
                </Button>
              </Stack>
              <ConflictTable conflicts={conflicts} replace={replace} onToggle={toggle} />
            </>
          ) : null}
          <Button variant="contained" sx={{ mt: 2 }} disabled={busy} onClick={onCommit}>
            Import these records
          </Button>
        </>
      ) : (
        <Alert severity="warning">{preview.blocked}</Alert>
      )}
    </Paper>
  );
}
