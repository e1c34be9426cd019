// The import history: every batch, newest first, with revert behind a confirmation.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { DataGrid, SORTABLE_COLUMNS } from '../../components/data-grid';
import type { ImportBatch } from '../../db';
import { plural } from '../../core/import/map-context';

export interface BatchHistoryProps {
  readonly batches: readonly ImportBatch[] | null;
  onRevert(batch: ImportBatch): void;
}

function countsText(batch: ImportBatch): string {
  const { contracts, additions, entries, rejected } = batch.counts;
  const parts = [plural(contracts.added + contracts.replaced, 'contract', 'contracts'), plural(additions.added + additions.replaced, 'addition', 'additions'), plural(entries.added + entries.replaced, 'entry', 'entries')];
  if (rejected > 0) parts.push(`${plural(rejected, 'row', 'rows')} rejected`);
  return parts.join(', ');
}

/** Every import, newest first, with a revert for the ones still in force. */
export function BatchHistory({ batches, onRevert }: BatchHistoryProps) {
  const [confirm, setConfirm] = useState<ImportBatch | null>(null);
  const columns = useMemo<ColDef<ImportBatch>[]>(
    () => [
      { field: 'id', headerName: 'Batch', width: 90, valueFormatter: ({ value }) => `#${String(value)}` },
      { field: 'createdAt', headerName: 'Imported', width: 170, valueFormatter: ({ value }) => String(value).replace('T', ' ').slice(0, 16) },
      { field: 'source', headerName: 'Source', width: 120 },
      { colId: 'files', headerName: 'Files', flex: 1, minWidth: 200, valueGetter: ({ data }) => data?.files.map((file) => file.name).join(', ') },
      { colId: 'counts', headerName: 'What it brought', flex: 1, minWidth: 260, valueGetter: ({ data }) => (data ? countsText(data) : '') },
      { field: 'status', headerName: 'Status', width: 110, valueFormatter: ({ value }) => (value === 'reverted' ? 'Reverted' : 'In force') },
      {
        colId: 'revert', headerName: '', width: 110, sortable: false,
        cellRenderer: ({ data }: { data?: ImportBatch }) =>
          data && data.status === 'committed' ? (
            <Button size="small" color="warning" onClick={() => setConfirm(data)} aria-label={`Revert batch ${data.id}`}>
              Revert
            </Button>
          ) : null,
      },
    ],
    [],
  );
  return (
    <>
      <Typography variant="h6" component="h2" sx={{ mt: 3, mb: 1 }}>
        Import history
      </Typography>
      <DataGrid<ImportBatch>
        label="Import history"
        height={260}
        rowData={batches ? [...batches] : null}
        loading={batches === null}
        columnDefs={columns}
        defaultColDef={SORTABLE_COLUMNS}
        getRowId={({ data }) => String(data.id)}
        overlayNoRowsTemplate="Nothing imported yet."
      />
      <Dialog open={confirm !== null} onClose={() => setConfirm(null)}>
        <DialogTitle>Revert batch #{confirm?.id}?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            Everything this import added is removed and what it replaced comes back. The batch stays in the history, marked reverted, and its files can be imported again.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirm(null)}>Keep it</Button>
          <Button
            color="warning"
            variant="contained"
            onClick={() => {
              if (confirm) onRevert(confirm);
              setConfirm(null);
            }}
          >
            Revert batch
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
