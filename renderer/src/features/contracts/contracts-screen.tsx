import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import type { ColumnState } from 'ag-grid-community';
import type { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DataGrid, SORTABLE_COLUMNS } from '../../components/data-grid';
import { useEngine } from '../../components/engine-context';
import { FillRest, FillScreen } from '../../components/fill-screen';
import { ScreenHeader } from '../../components/screen-header';
import { formatDate, type DisplayFormats } from '../../components/format';
import type { JsonValue } from '../../db';
import type { ContractRow, FirstContracts, ReconciledContracts, RecomputeSummary } from '../../workers/engine-protocol';
// eslint-disable-next-line no-restricted-imports -- the detail is this screen's drill-down, not a screen of its own
import { ContractDetailView } from '../contract-detail/contract-detail-view';
import { contractColumns } from './contract-columns';
import { LAYOUTS_SETTING, parseLayouts, withLayout, type SavedLayout } from './grid-layouts';

function subtitle(summary: RecomputeSummary | null, saved: ReconciledContracts | null, first: FirstContracts | null, formats: DisplayFormats): string {
  const counts = (shown: RecomputeSummary): string => `${shown.contracts} contracts, ${shown.entries} entries, as of ${formatDate(shown.asOf, formats)}`;
  if (summary !== null) return counts(summary);
  if (saved !== null) return `${counts(saved.summary)}, as last reconciled (no change since); reconciling again…`;
  if (first !== null) return `The first ${first.rows.length} of ${first.contracts} contracts, as of ${formatDate(first.asOf, formats)}; reconciling the rest…`;
  return 'Reconciling…';
}

/** Every contract with its balance and status as of the chosen date; a click opens its detail. */
export function ContractsScreen() {
  const { client, summary, rows, saved, first, formats } = useEngine();
  const [search, setSearch] = useState('');
  const [grouped, setGrouped] = useState(false);
  const [layouts, setLayouts] = useState<SavedLayout[]>([]);
  const [layoutName, setLayoutName] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const grid = useRef<AgGridReact<ContractRow>>(null);

  useEffect(() => {
    void client.call('settings-get', { keys: [LAYOUTS_SETTING] }).then(([saved]) => setLayouts(parseLayouts(saved)));
  }, [client]);

  const columns = useMemo(() => contractColumns(formats, grouped), [formats, grouped]);

  // Until this reconcile's rows arrive, the saved ones of the same store and date, or its own first rows (the same figures).
  const shown = rows ?? saved?.rows ?? first?.rows ?? null;
  if (selected !== null) return <ContractDetailView contractId={selected} onBack={() => setSelected(null)} />;

  const saveLayout = async (): Promise<void> => {
    const api = grid.current?.api;
    const name = layoutName.trim();
    if (!api || name === '') return;
    const next = withLayout(layouts, { name, columns: api.getColumnState() as unknown as JsonValue });
    await client.call('setting-put', { key: LAYOUTS_SETTING, value: next as unknown as JsonValue, now: new Date().toISOString() });
    setLayouts(next);
  };
  const applyLayout = (name: string): void => {
    const layout = layouts.find((candidate) => candidate.name === name);
    if (layout) grid.current?.api.applyColumnState({ state: layout.columns as unknown as ColumnState[], applyOrder: true });
    setLayoutName(name);
  };

  return (
    <FillScreen>
      <ScreenHeader title="Contracts" subtitle={subtitle(summary, saved, first, formats)} />
      <Stack direction="row" spacing={2} sx={{ mb: 1.5, alignItems: 'center' }}>
        <TextField size="small" type="search" label="Search contracts" value={search} onChange={(event) => setSearch(event.target.value)} sx={{ width: 280 }} />
        <FormControlLabel control={<Switch checked={grouped} onChange={(event) => setGrouped(event.target.checked)} />} label="Group by customer" />
        <Stack direction="row" spacing={1} sx={{ flexGrow: 1, justifyContent: 'flex-end', alignItems: 'center' }}>
          <TextField select size="small" label="Column layout" value={layouts.some((layout) => layout.name === layoutName) ? layoutName : ''} onChange={(event) => applyLayout(event.target.value)} sx={{ width: 180 }}>
            {layouts.length === 0 ? <MenuItem value="" disabled>No saved layouts</MenuItem> : null}
            {layouts.map((layout) => (
              <MenuItem key={layout.name} value={layout.name}>
                {layout.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField size="small" label="Layout name" value={layoutName} onChange={(event) => setLayoutName(event.target.value)} sx={{ width: 160 }} />
          <Button variant="outlined" onClick={() => void saveLayout()} disabled={layoutName.trim() === ''}>
            Save layout
          </Button>
        </Stack>
      </Stack>
      <FillRest>
        <DataGrid<ContractRow>
          label="Contracts"
          gridRef={grid}
          height="100%"
          rowData={shown}
          loading={shown === null}
          columnDefs={columns}
          defaultColDef={SORTABLE_COLUMNS}
          // Always on (AG Grid reads it once; switching it with the toggle threw and blanked the
          // window): grouping turns the customer column's spanRows on and off.
          enableCellSpan
          quickFilterText={search}
          // No getRowId: a recompute changes every row, and with ids ag-grid-react queues one timer
          // per changed row (10,000 on the benchmark, 40-65 ms of a task that passed 100 ms). Taken
          // whole, the rows cost no timers; keeping the scroll keeps the clerk's place, as ids did.
          suppressScrollOnNewData
          onRowClicked={({ data }) => data && setSelected(data.id)}
          rowClass="bl-clickable"
          overlayNoRowsTemplate="No contracts match."
        />
      </FillRest>
    </FillScreen>
  );
}
