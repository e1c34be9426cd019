// Workbooks out of the app: one customer's reconciliation workbook, or every
// customer's plus the month-end pack, built in the worker with progress and
// Cancel, then saved through the bridge (a folder on the desktop, downloads in
// a browser) and revealed with "Open folder" where the machine allows it.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useEngine } from '../../components/engine-context';
import { usePlatform } from '../../platform/platform-context';
import { useMenuCommand } from '../../platform/use-menu-command';
import { LongCallError, LongCallProgress } from '../../components/long-call-progress';
import { saveOutcome, type Outcome } from '../../components/save-outcome';
import { useLongCall } from '../../components/use-long-call';

/** The export actions of the month-end screen for `customers` (name order). */
export function ExportPanel({ customers }: { customers: readonly string[] }) {
  const { client, asOf } = useEngine();
  const platform = usePlatform();
  const call = useLongCall();
  const [customer, setCustomer] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [web, setWeb] = useState(false);

  useEffect(() => {
    void platform.appInfo().then((info) => setWeb(info.runtime === 'web'));
  }, [platform]);

  const chosen = customers.includes(customer) ? customer : '';

  const exportCustomer = async (): Promise<void> => {
    setOutcome(null);
    const file = await call.run((onProgress) => client.start('customer-workbook', { customer: chosen }, onProgress));
    if (!file) return;
    setOutcome(saveOutcome(await platform.saveWorkbook({ suggestedName: file.name, bytes: file.bytes }), `The workbook for ${chosen}`, web));
  };

  const generatePack = async (): Promise<void> => {
    setOutcome(null);
    const files = await call.run((onProgress) => client.start('month-end-pack', {}, onProgress));
    if (!files) return;
    setOutcome(saveOutcome(await platform.writeMonthEndPack({ files }), `The month-end pack (${files.length} workbooks)`, web));
  };

  // The menu's Export (Ctrl/Cmd+E) on this screen: the chosen customer's workbook, else the whole pack.
  useMenuCommand('export', () => {
    if (call.running) return;
    if (chosen !== '') void exportCustomer();
    else if (customers.length > 0) void generatePack();
  });

  const openFolder = async (savedId: string): Promise<void> => {
    if (!(await platform.showInFolder(savedId))) {
      setOutcome({ severity: 'info', message: 'The folder could not be opened from here. Open it in your file manager; the files are there.', savedId: null });
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }} role="region" aria-label="Workbooks">
      <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
        Workbooks as of {asOf}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField select size="small" label="Customer" value={chosen} onChange={(event) => setCustomer(event.target.value)} sx={{ width: 280 }}>
          {customers.map((name) => (
            <MenuItem key={name} value={name}>
              {name}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="outlined" disabled={chosen === '' || call.running} onClick={() => void exportCustomer()}>
          Export workbook
        </Button>
        <Button variant="contained" disabled={customers.length === 0 || call.running} onClick={() => void generatePack()}>
          Generate all workbooks and the month-end pack
        </Button>
      </Stack>
      <LongCallProgress call={call} label="Writing workbooks" />
      <LongCallError call={call} sx={{ mt: 1 }} />
      {call.stopped ? (
        <Alert severity="info" sx={{ mt: 1 }}>
          Stopped. Nothing was saved; generate again when you are ready.
        </Alert>
      ) : null}
      {outcome ? (
        <Alert
          severity={outcome.severity}
          sx={{ mt: 1 }}
          action={outcome.savedId ? <Button color="inherit" size="small" onClick={() => void openFolder(outcome.savedId ?? '')}>Open folder</Button> : undefined}
        >
          {outcome.message}
        </Alert>
      ) : null}
    </Paper>
  );
}
