// The one way screens show a grid: AG Grid Community with its modules
// registered once, themed to follow the MUI light/dark palette, inside a
// labelled region so tests and screen readers can find it.
import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import { AllCommunityModule, ModuleRegistry, colorSchemeDark, themeQuartz } from 'ag-grid-community';
import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import { useMemo, type Ref } from 'react';

ModuleRegistry.registerModules([AllCommunityModule]);

const compact = { fontSize: 13, rowHeight: 34, headerHeight: 38, spacing: 6, wrapperBorderRadius: 6 };

// Grid options are compared by reference on every render: a new object each
// time makes AG Grid apply it again (rebuilding the columns of a 10,000-row
// grid on every search keystroke). Screens pass these shared, frozen ones.
/** Columns the clerk can resize and sort. */
export const SORTABLE_COLUMNS = Object.freeze({ resizable: true, sortable: true });
/** Columns the clerk can resize; the order is the data's own (ledgers, statements, pages from the worker). */
export const UNSORTED_COLUMNS = Object.freeze({ resizable: true, sortable: false });
/** Sortable columns with a filter in their header. */
export const FILTERABLE_COLUMNS = Object.freeze({ resizable: true, sortable: true, filter: true });
// Continuous: fitted again when the window is resized or a scrollbar comes or goes, not only
// at first render (a wider window left empty space, a narrower one scrolled sideways though
// the columns could fit). A column the clerk sized is left alone.
const FIT_WIDTH = Object.freeze({ type: 'fitGridWidth' as const, continuous: true });

/**
 * Fitting the grid to its width only ever widens a column: none shrinks below
 * the width its screen gave it, so a narrow window scrolls sideways instead of
 * cutting ids, dates and headers to "TE-…" and "Allo…".
 */
function neverNarrower<T>(columns: DataGridProps<T>['columnDefs']): DataGridProps<T>['columnDefs'] {
  return columns?.map((column) => ('children' in column || column.width === undefined || column.minWidth !== undefined ? column : { ...column, minWidth: column.width }));
}

export interface DataGridProps<T> extends AgGridReactProps<T> {
  /** Names the grid's region ("Contracts", "Ledger of AGR-01"). */
  readonly label: string;
  readonly height?: number | string;
  readonly gridRef?: Ref<AgGridReact<T>>;
}

/** A themed AG Grid in a labelled region; every other prop goes to AgGridReact. */
export function DataGrid<T>({ label, height = 480, gridRef, columnDefs, ...grid }: DataGridProps<T>) {
  const mui = useTheme();
  const columns = useMemo(() => neverNarrower(columnDefs), [columnDefs]);
  const theme = useMemo(() => {
    const base = mui.palette.mode === 'dark' ? themeQuartz.withPart(colorSchemeDark) : themeQuartz;
    return base.withParams({ ...compact, accentColor: mui.palette.primary.main, fontFamily: mui.typography.fontFamily ?? 'inherit' });
  }, [mui]);
  // No row animation (AG Grid's default is on): after a search the rows that
  // leave stayed on screen, fading, for about 0.4 s with the grid restyled
  // every frame; a clerk filtering 10,000 contracts wants the answer at once
  // (bench:ui quick search 0.56 s → 0.14 s). A screen may still ask for it.
  return (
    <Box
      role="region"
      aria-label={label}
      sx={{ height, width: '100%', '& .bl-clickable': { cursor: 'pointer' }, '& .bl-link': { color: 'primary.main', textDecoration: 'underline', cursor: 'pointer' }, '& .bl-negative': { color: 'error.main' }, '& .bl-issue': { bgcolor: 'rgba(211, 47, 47, 0.08)' } }}
    >
      <AgGridReact<T> ref={gridRef} theme={theme} autoSizeStrategy={FIT_WIDTH} animateRows={false} columnDefs={columns} {...grid} />
    </Box>
  );
}
