// Records these files change (same key, different content): the stored and the
// incoming version side by side, field by field, and the clerk's decision per
// record. Nothing is overwritten unless the clerk ticks it (issue 3).
import Checkbox from '@mui/material/Checkbox';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ConflictView } from '../../workers/engine-protocol';

export interface ConflictTableProps {
  readonly conflicts: readonly ConflictView[];
  readonly replace: ReadonlySet<string>;
  onToggle(key: string): void;
}

/** One block of rows per conflicting record: each differing field, stored vs incoming. */
export function ConflictTable({ conflicts, replace, onToggle }: ConflictTableProps) {
  return (
    <Table size="small" aria-label="Changed records" sx={{ mt: 1 }}>
      <TableHead>
        <TableRow>
          <TableCell>Record</TableCell>
          <TableCell>Field</TableCell>
          <TableCell>Stored now</TableCell>
          <TableCell>In these files</TableCell>
          <TableCell>Use the file&apos;s version</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {conflicts.flatMap((conflict) =>
          conflict.fields.map((field, index) => (
            <TableRow key={`${conflict.key}\u0000${field.field}`} aria-label={index === 0 ? conflict.label : undefined}>
              {index === 0 ? (
                <TableCell rowSpan={conflict.fields.length}>
                  {conflict.label}
                  <br />
                  <small>stored by batch #{conflict.existingBatchId}</small>
                </TableCell>
              ) : null}
              <TableCell>{field.field}</TableCell>
              <TableCell>{field.stored}</TableCell>
              <TableCell sx={{ fontWeight: 600 }}>{field.incoming}</TableCell>
              {index === 0 ? (
                <TableCell rowSpan={conflict.fields.length}>
                  <Checkbox checked={replace.has(conflict.key)} onChange={() => onToggle(conflict.key)} slotProps={{ input: { 'aria-label': `Replace ${conflict.label}` } }} />
                </TableCell>
              ) : null}
            </TableRow>
          )),
        )}
      </TableBody>
    </Table>
  );
}
