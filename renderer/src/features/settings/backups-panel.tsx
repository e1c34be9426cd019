// Backups (issue 5): the rotated copies of the database, restoring one after
// a confirmation (the current data is backed up first, so a restore can be
// undone), and the whole database to or from a file of the clerk's choosing.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { useEngine } from '../../components/engine-context';
import type { BackupInfo, NamedBytes } from '../../platform/platform';
import { usePlatform } from '../../platform/platform-context';
import { LongCallError, LongCallProgress } from '../../components/long-call-progress';
import { saveOutcome, type Outcome } from '../../components/save-outcome';
import { useLongCall } from '../../components/use-long-call';
import { backupLabel, databaseFileName, unreadableBackup } from './settings-view';

/** What the confirmation dialog is about to restore. */
type Pending = { readonly kind: 'backup'; readonly backup: BackupInfo } | { readonly kind: 'file'; readonly file: NamedBytes };

/** Backups list with Restore, Back up now, Export and Import database. */
export function BackupsPanel() {
  const { client, dataChanged } = useEngine();
  const platform = usePlatform();
  const call = useLongCall();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const refresh = useCallback(() => void platform.listBackups().then(setBackups), [platform]);
  useEffect(refresh, [refresh]);

  const exportBytes = (): Promise<Uint8Array | undefined> => call.run((onProgress) => client.start('backup-export', { now: new Date().toISOString() }, onProgress));

  const backUpNow = async (): Promise<void> => {
    setOutcome(null);
    const bytes = await exportBytes();
    if (!bytes) return;
    const written = await platform.writeBackup({ bytes, reason: 'manual' });
    setOutcome(written.status === 'written' ? { severity: 'success', message: `Backup made: ${backupLabel(written.backup)}.`, savedId: null } : { severity: 'error', message: `${written.message} Free some disk space and try again.`, savedId: null });
    refresh();
  };

  const exportDatabase = async (): Promise<void> => {
    setOutcome(null);
    const bytes = await exportBytes();
    if (!bytes) return;
    const info = await platform.appInfo();
    setOutcome(saveOutcome(await platform.exportDatabase({ suggestedName: databaseFileName(new Date()), bytes }), 'The database export', info.runtime === 'web'));
  };

  const importDatabase = async (): Promise<void> => {
    setOutcome(null);
    const opened = await platform.importDatabase();
    if (opened.status === 'failed') setOutcome({ severity: 'error', message: `${opened.message} Nothing was changed.`, savedId: null });
    if (opened.status === 'opened') setPending({ kind: 'file', file: opened.file });
  };

  const restore = async (target: Pending): Promise<void> => {
    setPending(null);
    setOutcome(null);
    let bytes: Uint8Array;
    if (target.kind === 'file') bytes = target.file.bytes;
    else {
      const read = await platform.readBackup(target.backup.id);
      if (read.status !== 'ok') {
        setOutcome({ severity: 'error', message: read.status === 'failed' ? `${read.message} Nothing was changed.` : unreadableBackup(read.status), savedId: null });
        return;
      }
      bytes = read.bytes;
    }
    // A wrong file is refused before anything is written: its pointless backup could rotate a good one out.
    const problem = await call.run((onProgress) => client.start('backup-check', { bytes }, onProgress));
    if (problem === undefined) return;
    if (problem !== null) {
      setOutcome({ severity: 'error', message: problem, savedId: null });
      return;
    }
    // Keep what is there now, so the restore itself can be undone.
    const current = await exportBytes();
    if (!current) return;
    const kept = await platform.writeBackup({ bytes: current, reason: 'before-restore' });
    if (kept.status !== 'written') {
      setOutcome({ severity: 'error', message: `The restore did not start: the current data could not be backed up first (${kept.message}). Nothing was changed.`, savedId: null });
      return;
    }
    const done = await call.run((onProgress) => client.start('backup-restore', { bytes, now: new Date().toISOString() }, onProgress));
    refresh();
    if (done === undefined) return;
    dataChanged();
    setOutcome({ severity: 'success', message: `Restored. The data from before is kept as the backup of ${backupLabel(kept.backup)}.`, savedId: null });
  };

  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }} role="region" aria-label="Backups">
      <Typography variant="subtitle1" component="h2" gutterBottom>
        Backups
      </Typography>
      <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap' }} useFlexGap>
        <Button variant="outlined" disabled={call.running} onClick={() => void backUpNow()}>
          Back up now
        </Button>
        <Button variant="outlined" disabled={call.running} onClick={() => void exportDatabase()}>
          Export database to a file
        </Button>
        <Button variant="outlined" disabled={call.running} onClick={() => void importDatabase()}>
          Import database from a file
        </Button>
      </Stack>
      <LongCallProgress call={call} label="Backup" />
      <LongCallError call={call} />
      {outcome ? <Alert severity={outcome.severity} sx={{ mb: 1 }}>{outcome.message}</Alert> : null}
      {backups !== null && backups.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No backups yet. Blockledger makes one after every import and when it closes; "Back up now" makes one at once.
        </Typography>
      ) : null}
      <List dense disablePadding aria-label="Backup list">
        {(backups ?? []).map((backup) => (
          <ListItem key={backup.id} secondaryAction={<Button size="small" disabled={call.running} onClick={() => setPending({ kind: 'backup', backup })}>Restore</Button>}>
            <ListItemText primary={backupLabel(backup)} />
          </ListItem>
        ))}
      </List>
      <Dialog open={pending !== null} onClose={() => setPending(null)}>
        <DialogTitle>Replace all data?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {pending?.kind === 'backup' ? `Restore the backup of ${backupLabel(pending.backup)}` : `Load the database file "${pending?.file.name ?? ''}"`}: every contract, entry, import and setting is
            replaced by the ones it holds. The data you have now is backed up first, so you can go back to it from this list.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setPending(null)}>Keep my data</Button>
          <Button color="error" onClick={() => pending && void restore(pending)}>
            Replace all data
          </Button>
        </DialogActions>
      </Dialog>
    </Paper>
  );
}
