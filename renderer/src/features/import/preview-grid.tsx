// The source rows of one file as read, each with every problem on its line.
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { DataGrid, FILTERABLE_COLUMNS } from '../../components/data-grid';
import type { FilePreview } from '../../workers/engine-protocol';
import { rowText, type PreviewRow } from './import-view-model';

/** The source rows as read, each with every problem found on its line. */
export function PreviewGrid({ preview }: { preview: FilePreview }) {
  const columns = useMemo<ColDef<PreviewRow>[]>(
    () => [
      { colId: 'line', headerName: 'Line', width: 75, pinned: 'left', valueGetter: ({ data }) => data?.line },
      { colId: 'issues', headerName: 'Problems', width: 340, pinned: 'left', tooltipValueGetter: ({ data }) => (data ? rowText(data).replace(/ · /g, '\n') : ''), valueGetter: ({ data }) => (data ? rowText(data) : ''), cellClassRules: { 'bl-negative': ({ data }) => (data?.issues.length ?? 0) > 0 } },
      ...preview.header.map((name, index): ColDef<PreviewRow> => ({ colId: `c${index}`, headerName: name || `(column ${index + 1})`, width: 150, valueGetter: ({ data }) => data?.cells[index] ?? '' })),
    ],
    [preview.header],
  );
  return (
    <DataGrid<PreviewRow>
      label={`Preview of ${preview.file}`}
      height={300}
      rowData={[...preview.rows]}
      columnDefs={columns}
      defaultColDef={FILTERABLE_COLUMNS}
      rowClassRules={{ 'bl-issue': ({ data }) => (data?.issues.length ?? 0) > 0 }}
      getRowId={({ data }) => String(data.line)}
      autoSizeStrategy={undefined}
    />
  );
}
