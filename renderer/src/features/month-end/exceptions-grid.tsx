// The month-end Exceptions list: its lines come page by page from the worker
// (a big portfolio has a hundred thousand and more), found with a search box
// and sorted by any column.
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { DataGrid, SORTABLE_COLUMNS } from '../../components/data-grid';
import { useEngine } from '../../components/engine-context';
import { SEARCH_PAUSE_MS, useDebounced } from '../../components/use-debounced';
import { WORKER_PAGED_GRID, workerDatasource, workerSort } from '../../components/worker-paged-grid';
import type { ExceptionRow, ExceptionSortKey, MonthEndSummary } from '../../workers/engine-protocol';
import { exceptionColumns } from './month-end-columns';

const SORTABLE = new Set<ExceptionSortKey>(['entryId', 'date', 'customer', 'contractId', 'ticket', 'member', 'hours', 'status', 'reason', 'held']);

/** The exception lines of `summary` (a new summary starts the grid over), in a grid `height` tall. */
export function ExceptionsGrid({ summary, height }: { summary: MonthEndSummary; height: string }) {
  const { client, formats } = useEngine();
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search, SEARCH_PAUSE_MS);
  const [total, setTotal] = useState<number | null>(null);
  const columns = useMemo(() => exceptionColumns(formats), [formats]);
  const datasource = useMemo(
    () =>
      workerDatasource(
        (params) => client.call('month-end-exceptions', { query: { search: debounced, sort: workerSort(params.sortModel, SORTABLE) }, offset: params.startRow, limit: params.endRow - params.startRow }),
        setTotal,
      ),
    // The summary is not read here, but a new one (another as-of date) must start the grid over.
    [client, summary, debounced],
  );
  return (
    <>
      <Stack direction="row" spacing={2} sx={{ mb: 1, alignItems: 'center' }}>
        <TextField size="small" type="search" label="Search exceptions" value={search} onChange={(event) => setSearch(event.target.value)} sx={{ width: 300 }} />
        <Typography variant="body2" color="text.secondary" aria-live="polite">
          {total === null || debounced.trim() === '' ? '' : `${total.toLocaleString('en-US')} of ${summary.exceptionCount.toLocaleString('en-US')} lines`}
        </Typography>
      </Stack>
      <DataGrid<ExceptionRow>
        label="Exceptions"
        height={height}
        {...WORKER_PAGED_GRID}
        datasource={datasource}
        columnDefs={columns}
        defaultColDef={SORTABLE_COLUMNS}
        getRowId={({ data }) => data.entryId}
        overlayNoRowsTemplate={debounced.trim() === '' ? 'No exceptions: every entry is matched and covered.' : 'No exception line has this text.'}
      />
    </>
  );
}
