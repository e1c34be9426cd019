// What the import screens say, as plain functions (tested without a browser).
import type { FilePreview, ImportPreviewResult } from '../../workers/engine-protocol';

export type PreviewRow = FilePreview['rows'][number];

/** What the clerk reads in the Problems column: errors keep the row out, notes do not. */
export function rowText(row: PreviewRow): string {
  if (row.issues.length === 0 && row.warnings.length === 0) return 'OK';
  const parts = [...row.issues.map((issue) => `Left out: ${issue}`), ...row.warnings.map((warning) => `Note: ${warning}`)];
  return parts.join(' · ');
}

/** The wizard step reached: 0 choose files, 1 reading them, 2 problems block the import, 3 ready to import. */
export function importStep(files: number, preview: ImportPreviewResult | null): number {
  if (files === 0) return 0;
  if (!preview) return 1;
  return preview.plan ? 3 : 2;
}
