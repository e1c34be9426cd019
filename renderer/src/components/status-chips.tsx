import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type { ContractStatus, EntryStatus } from '../core/result';
import { contractStatusLabel, entryStatusLabel, statusTone } from './format';

/** A contract's statuses as coloured chips; "Active" when it has none. */
export function ContractStatusChips({ status }: { status: readonly ContractStatus[] }) {
  if (status.length === 0) return <Chip size="small" variant="outlined" color="success" label="Active" />;
  return (
    <Stack direction="row" spacing={0.5} component="span">
      {status.map((value) => (
        <Chip key={value} size="small" color={statusTone(value)} label={contractStatusLabel(value)} />
      ))}
    </Stack>
  );
}

/** One entry's allocation as a chip. */
export function EntryStatusChip({ status }: { status: EntryStatus }) {
  return <Chip size="small" variant="outlined" color={statusTone(status)} label={entryStatusLabel(status)} />;
}
