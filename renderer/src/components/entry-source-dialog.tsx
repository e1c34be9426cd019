// "Where does this number come from?": one entry as it was imported, what the
// engine did with it and why, and the import batch (files, date) it came from.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { ImportBatch } from '../db';
import type { EntryRow } from '../workers/engine-protocol';
import { useEngine } from './engine-context';
import { formatCents, formatDate, formatHundredths } from './format';
import { EntryStatusChip } from './status-chips';

function Line({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <TableRow>
      <TableCell component="th" scope="row" sx={{ width: 180, color: 'text.secondary' }}>
        {label}
      </TableCell>
      <TableCell>{children}</TableCell>
    </TableRow>
  );
}

/** The source row and batch of `row`; closed when `row` is null. */
export function EntrySourceDialog({ row, onClose }: { row: EntryRow | null; onClose: () => void }) {
  const { client, formats } = useEngine();
  const [batch, setBatch] = useState<ImportBatch | null>(null);
  useEffect(() => {
    setBatch(null);
    if (row?.batchId === null || row === null) return;
    void client.call('batches', {}).then((batches) => setBatch(batches.find((candidate) => candidate.id === row.batchId) ?? null));
  }, [client, row]);
  if (row === null) return null;
  const { entry, result } = row;
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="entry-source-title">
      <DialogTitle id="entry-source-title">Entry {entry.id}</DialogTitle>
      <DialogContent>
        <Typography variant="subtitle2" gutterBottom>
          What Blockledger did with it
        </Typography>
        <Table size="small" sx={{ mb: 2 }}>
          <TableBody>
            <Line label="Allocation"><EntryStatusChip status={result.status} /></Line>
            <Line label="Why">{result.reason ?? (result.status === 'applied' ? 'Covered by the contract balance.' : '—')}</Line>
            <Line label="Counted">{formatHundredths(result.units, formats)}</Line>
            <Line label="Applied / overage / held">{`${formatHundredths(result.applied, formats)} / ${formatHundredths(result.overage, formats)} / ${formatHundredths(result.held, formats)}`}</Line>
          </TableBody>
        </Table>
        <Typography variant="subtitle2" gutterBottom>
          Source row
        </Typography>
        <Table size="small" sx={{ mb: 2 }}>
          <TableBody>
            <Line label="Entry id in the source">{entry.id}</Line>
            <Line label="Date worked">{formatDate(entry.date, formats)}</Line>
            <Line label="Customer">{entry.customer}</Line>
            <Line label="Contract">{entry.contractId ?? 'none given'}</Line>
            <Line label="Ticket">{entry.ticket}</Line>
            <Line label="Member / role / type">{[entry.member, entry.workRole, entry.workType].filter(Boolean).join(' / ')}</Line>
            <Line label="Hours">{formatHundredths(entry.hours, formats)}</Line>
            <Line label="Billable">{entry.billable.replace(/_/g, ' ')}</Line>
            {entry.amount !== null ? <Line label="Amount">{formatCents(entry.amount, formats)}</Line> : null}
            <Line label="Notes">{entry.notes}</Line>
          </TableBody>
        </Table>
        <Typography variant="subtitle2" gutterBottom>
          Import batch
        </Typography>
        {batch ? (
          <Table size="small" aria-label="Import batch">
            <TableBody>
              <Line label="Batch">{`#${batch.id} (${batch.source}, ${batch.status})`}</Line>
              <Line label="Imported">{batch.createdAt.replace('T', ' ').slice(0, 16)}</Line>
              <Line label="Files">{batch.files.map((file) => file.name).join(', ')}</Line>
            </TableBody>
          </Table>
        ) : (
          <Typography color="text.secondary">{row.batchId === null ? 'Not stored in any batch.' : `Batch #${row.batchId}`}</Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
