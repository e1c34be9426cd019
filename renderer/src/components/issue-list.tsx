// Every problem of the import in one list: file, row, column and what is wrong
// in the clerk's words, so the rejected rows can be fixed at the source.
import Typography from '@mui/material/Typography';
import type { ColDef } from 'ag-grid-community';
import { DataGrid, SORTABLE_COLUMNS } from './data-grid';
import type { ImportIssue } from '../core/import/import-issue';
import { plural } from '../core/import/map-context';

const columns: ColDef<ImportIssue>[] = [
  { field: 'severity', headerName: 'Effect', width: 110, valueFormatter: ({ value }) => (value === 'error' ? 'Left out' : 'Note'), cellClassRules: { 'bl-negative': ({ value }) => value === 'error' } },
  { field: 'file', headerName: 'File', width: 230, valueFormatter: ({ value }) => (value === '' ? 'all files' : String(value)) },
  { field: 'line', headerName: 'Row', width: 80, valueFormatter: ({ value }) => (value === null ? 'whole file' : String(value)) },
  { field: 'column', headerName: 'Column', width: 160, valueFormatter: ({ value }) => (value === null ? '' : String(value)) },
  { field: 'message', headerName: 'What is wrong', flex: 1, minWidth: 320, wrapText: true, autoHeight: true, cellStyle: { lineHeight: 1.4, paddingTop: 6, paddingBottom: 6 } },
];

/** The most issues listed; the heading still counts them all. */
export const MAX_LISTED = 5000;

/** All issues, errors first; nothing when there are none. */
export function IssueList({ issues }: { issues: readonly ImportIssue[] }) {
  if (issues.length === 0) return null;
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  // A file where every row is bad can bring a million issues; a grid of the first ones is what a clerk can act on.
  const rows = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)).slice(0, MAX_LISTED);
  return (
    <>
      <Typography variant="subtitle1" component="h2" sx={{ mt: 1, mb: 1 }}>
        {`Problems found: ${errors} left out, ${plural(issues.length - errors, 'note', 'notes')}${issues.length > rows.length ? ` (the first ${rows.length} are listed; fix these and preview again)` : ''}`}
      </Typography>
      <DataGrid<ImportIssue> label="Import problems" height={Math.min(360, 60 + rows.length * 48)} rowData={rows} columnDefs={columns} defaultColDef={SORTABLE_COLUMNS} autoSizeStrategy={undefined} />
    </>
  );
}
