// Grid settings for lists the engine worker hands out page by page (AG Grid's
// infinite row model): the entries screen and the month-end exceptions.
import type { IDatasource, IGetRowsParams, SortModelItem } from 'ag-grid-community';

const BLOCK = 200;
// Browsers cap an element's height near 32,000,000 px (a million 34 px rows is
// more). Past it AG Grid "stretches" the scroll: every scroll step moves every
// rendered row a few pixels, so the whole grid is restyled each frame and
// scrolling stutters (bench:ui: frames of 60–130 ms). Pages of 10,000 rows
// (340,000 px) scroll natively; the pager moves between them.
const PAGE = 10_000;

/** Spread into a DataGrid whose `datasource` asks the worker for rows. */
export const WORKER_PAGED_GRID = Object.freeze({
  rowModelType: 'infinite' as const,
  cacheBlockSize: BLOCK,
  maxBlocksInCache: PAGE / BLOCK,
  pagination: true,
  paginationPageSize: PAGE,
  paginationPageSizeSelector: false,
});

/** The grid's sort as the worker takes it: the first sorted column, if the worker can sort by it; else null (its own order). */
export function workerSort<K extends string>(sortModel: readonly SortModelItem[], sortable: ReadonlySet<K>): { key: K; descending: boolean } | null {
  const [sorted] = sortModel;
  return sorted && sortable.has(sorted.colId as K) ? { key: sorted.colId as K, descending: sorted.sort === 'desc' } : null;
}

/** A datasource that asks the worker for each block the grid needs (`fetchPage`), telling `onTotal` how many rows match. */
export function workerDatasource<T>(fetchPage: (params: IGetRowsParams) => Promise<{ rows: T[]; total: number }>, onTotal: (total: number) => void): IDatasource {
  return {
    getRows: (params) => {
      fetchPage(params)
        .then((page) => {
          onTotal(page.total);
          params.successCallback(page.rows, page.total);
        })
        .catch(() => params.failCallback());
    },
  };
}
