// The rules Settings can change or show honestly: the allocation order is the
// one engine-wide option (ReconcileInput.allocationOrder); rounding is part of
// each contract's terms (round_minutes, minimum_minutes, SPEC §4) and billable
// options come from each profile's value map, so those two are explained, not edited.
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { useEngine } from '../../components/engine-context';
import { BUILTIN_PROFILES } from '../../core/import/profiles/registry';
import type { AllocationOrder } from '../../core/model';
import { ALLOCATION_ORDER_SETTING } from '../../workers/engine-protocol';
import { BILLABLE_MEANINGS, billableRules } from './settings-view';

const ORDERS: readonly { value: AllocationOrder; label: string }[] = [
  { value: 'worked', label: 'By work date (SPEC §3, the usual order)' },
  { value: 'entered', label: 'By the time entries were entered (as ConnectWise applies them)' },
];

/** Allocation order (editable), rounding and billable options (explained). */
export function EngineRules() {
  const { client, dataChanged } = useEngine();
  const [order, setOrder] = useState<AllocationOrder | null>(null);
  const rules = useMemo(() => billableRules(BUILTIN_PROFILES), []);

  useEffect(() => {
    void client.call('settings-get', { keys: [ALLOCATION_ORDER_SETTING] }).then(([saved]) => setOrder(saved === 'entered' ? 'entered' : 'worked'));
  }, [client]);

  const change = async (next: AllocationOrder): Promise<void> => {
    setOrder(next);
    await client.call('setting-put', { key: ALLOCATION_ORDER_SETTING, value: next, now: new Date().toISOString() });
    // Every balance can move: recompute all screens.
    dataChanged();
  };

  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }} role="region" aria-label="Reconciliation rules">
      <Typography variant="subtitle1" component="h2" gutterBottom>
        Reconciliation rules
      </Typography>
      <TextField select size="small" label="Entries draw on a contract in the order" value={order ?? 'worked'} disabled={order === null} onChange={(event) => void change(event.target.value as AllocationOrder)} sx={{ width: 520, mb: 2 }}>
        {ORDERS.map((option) => (
          <MenuItem key={option.value} value={option.value}>
            {option.label}
          </MenuItem>
        ))}
      </TextField>
      <Typography variant="body2" sx={{ mb: 1 }}>
        Rounding: each contract's terms say how time is rounded (round up to so many minutes, then at least the minimum minutes). Each entry is then rounded once, half away
        from zero, to a hundredth of an hour; totals are sums of rounded entries. Change a contract's rounding in your PSA and import it again.
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        Billable options: how each built-in profile reads the billable column of your exports. Only billable time draws on a contract.
      </Typography>
      <Table size="small" aria-label="Billable options">
        <TableHead>
          <TableRow>
            <TableCell>Profile</TableCell>
            <TableCell>In your export</TableCell>
            <TableCell>Blockledger reads it as</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rules.map((rule) => (
            <TableRow key={`${rule.profile}:${rule.source}`}>
              <TableCell>{rule.profile}</TableCell>
              <TableCell>{rule.source}</TableCell>
              <TableCell>{BILLABLE_MEANINGS[rule.meaning]}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
