// The entries screen: every entry with its allocation and reason, the
// exception filters, and a click through to each entry's source.
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { IDatasource } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import { DataGrid, UNSORTED_COLUMNS } from '../../components/data-grid';
import { useEngine } from '../../components/engine-context';
import { EntrySourceDialog } from '../../components/entry-source-dialog';
import { FillRest, FillScreen } from '../../components/fill-screen';
import { ScreenHeader } from '../../components/screen-header';
import { SEARCH_PAUSE_MS, useDebounced } from '../../components/use-debounced';
import { WORKER_PAGED_GRID, workerDatasource, workerSort } from '../../components/worker-paged-grid';
import type { EntryGroupCounts } from '../../core/entry-groups';
import type { EntryRow, EntrySortKey } from '../../workers/engine-protocol';
import { entryColumns } from './entry-columns';
import { ENTRY_FILTERS, filterCount } from './entry-filters';

const SORTABLE = new Set<EntrySortKey>(['date', 'id', 'customer', 'contractId', 'hours', 'status', 'member']);

/** Every entry with its allocation and reason; pages come from the worker (infinite row model). */
export function EntriesScreen() {
  const { client, summary, formats, empty } = useEngine();
  const [filter, setFilter] = useState(0);
  const [search, setSearch] = useState('');
  const [total, setTotal] = useState<number | null>(null);
  const [source, setSource] = useState<EntryRow | null>(null);
  const debounced = useDebounced(search, SEARCH_PAUSE_MS);
  const [counts, setCounts] = useState<EntryGroupCounts | null>(null);
  useEffect(() => {
    if (!summary) return;
    void client.call('entry-counts', {}).then(setCounts);
  }, [client, summary]);

  const group = ENTRY_FILTERS[filter]?.group ?? null;
  const datasource = useMemo<IDatasource | undefined>(() => {
    if (!summary) return undefined;
    return workerDatasource(
      (params) => client.call('entries-page', { query: { group, search: debounced, sort: workerSort(params.sortModel, SORTABLE) }, offset: params.startRow, limit: params.endRow - params.startRow }),
      setTotal,
    );
    // A new datasource (new summary, filter or search) makes the grid start over.
  }, [client, summary, group, debounced]);
  const columns = useMemo(() => entryColumns(formats), [formats]);

  return (
    <FillScreen>
      <ScreenHeader title="Entries" subtitle="Every time entry, part and expense with what the engine did with it. Clear the exceptions before invoicing." />
      <Stack direction="row" spacing={1} sx={{ mb: 1.5, alignItems: 'center', flexWrap: 'wrap' }} useFlexGap role="group" aria-label="Entry filters">
        {ENTRY_FILTERS.map((candidate, index) => (
          <Chip
            key={candidate.label}
            label={counts ? `${candidate.label} (${filterCount(candidate, counts) ?? 0})` : candidate.label}
            color={index === filter ? 'primary' : 'default'}
            variant={index === filter ? 'filled' : 'outlined'}
            onClick={() => setFilter(index)}
            aria-pressed={index === filter}
          />
        ))}
        <TextField size="small" type="search" label="Search entries" value={search} onChange={(event) => setSearch(event.target.value)} sx={{ width: 260, ml: 2 }} />
        <Typography variant="body2" color="text.secondary" sx={{ ml: 'auto' }} aria-live="polite">
          {total === null ? '' : `${total.toLocaleString('en-US')} ${total === 1 ? 'entry' : 'entries'}`}
        </Typography>
      </Stack>
      {ENTRY_FILTERS[filter]?.advice ? (
        <Alert severity="info" sx={{ mb: 1.5 }}>
          {ENTRY_FILTERS[filter].advice}
        </Alert>
      ) : null}
      {empty ? (
        // The engine reconciles only once a contract is stored; entries imported before their agreements wait until then.
        <Typography color="text.secondary">No contracts are stored yet, so nothing has been reconciled. Import your agreements (or open the sample portfolio); entries already imported then show here with their allocation.</Typography>
      ) : null}
      {datasource ? (
        <FillRest>
          <DataGrid<EntryRow>
            label="Entries"
            height="100%"
            {...WORKER_PAGED_GRID}
            datasource={datasource}
            columnDefs={columns}
            defaultColDef={UNSORTED_COLUMNS}
            getRowId={({ data }) => data.entry.id}
            onRowClicked={({ data }) => data && setSource(data)}
            rowClass="bl-clickable"
          />
        </FillRest>
      ) : null}
      <EntrySourceDialog row={source} onClose={() => setSource(null)} />
    </FillScreen>
  );
}
