// The import wizard (issue 5): drop or pick files → detected profile with its
// reason → column mapping and profile settings → preview with every issue →
// commit with progress; below it, the batch history with revert. All reading,
// typing and storing happens in the engine worker; this screen only asks.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState, type DragEvent } from 'react';
import { backUpIfChanged } from '../../components/automatic-backup';
import { useEngine } from '../../components/engine-context';
import { plural } from '../../core/import/map-context';
import { ScreenHeader } from '../../components/screen-header';
import type { ImportBatch } from '../../db';
import { usePlatform } from '../../platform/platform-context';
import type { PendingCall } from '../../workers/engine-client';
import type { ImportChoices, ImportPreviewResult, NamedFile, Progress } from '../../workers/engine-protocol';
import { BatchHistory } from './batch-history';
import { FileMapping } from './file-mapping';
import { choiceFor, withChoice, withSettings } from './import-choices';
import { ImportProgress } from './import-progress';
import { ImportSteps } from './import-steps';
import { ImportSummary } from './import-summary';
import { IssueList } from '../../components/issue-list';
import { PreviewGrid } from './preview-grid';
import { LongCallError } from '../../components/long-call-progress';
import { useLongCall } from '../../components/use-long-call';
import { ProfileSettingsCard } from './profile-settings';
import { failureText } from '../../core/failure-text';

type Message = { severity: 'success' | 'warning' | 'error' | 'info'; text: string };

/** Drop or pick files → detected profile → mapping → preview with every issue → commit; and the batch history with revert. */
export function ImportScreen() {
  const platform = usePlatform();
  const { client, dataChanged } = useEngine();
  const [files, setFiles] = useState<NamedFile[]>([]);
  const [choices, setChoices] = useState<ImportChoices>({ files: [] });
  const [preview, setPreview] = useState<ImportPreviewResult | null>(null);
  const [replace, setReplace] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<Message | null>(null);
  const [batches, setBatches] = useState<ImportBatch[] | null>(null);
  const [dragging, setDragging] = useState(false);

  const refreshBatches = useCallback(() => void client.call('batches', {}).then(setBatches), [client]);
  useEffect(refreshBatches, [refreshBatches]);

  // Its own call slot (the shared one belongs to the reconcile other screens wait for).
  const call = useLongCall();
  const { run } = call;
  // Saving and reverting are one store transaction each: once sent they finish, so they offer no Cancel.
  const [cancellable, setCancellable] = useState(true);
  const longCall = useCallback(
    <T,>(start: (onProgress: (progress: Progress) => void) => PendingCall<T>, canCancel = true): Promise<T | undefined> => {
      setCancellable(canCancel);
      return run(start);
    },
    [run],
  );

  const runPreview = useCallback(
    async (nextFiles: NamedFile[], nextChoices: ImportChoices) => {
      setMessage(null);
      const result = await longCall((onProgress) => client.start('import-preview', { files: nextFiles, choices: nextChoices }, onProgress));
      setPreview(result ?? null);
      // Ticks survive a re-run for the records that still differ.
      const still = new Set(result?.conflicts?.map((conflict) => conflict.key));
      setReplace((ticked) => new Set([...ticked].filter((key) => still.has(key))));
    },
    [client, longCall],
  );
  const useFiles = (picked: NamedFile[]): void => {
    // Per-file choices start over; the profile settings (date format, products that add hours) carry on to the next files.
    const next: ImportChoices = choices.settings ? { files: [], settings: choices.settings } : { files: [] };
    setFiles(picked);
    setChoices(next);
    void runPreview(picked, next);
  };
  const rerun = (next: ImportChoices): void => {
    setChoices(next);
    void runPreview(files, next);
  };
  const pick = async (): Promise<void> => {
    const opened = await platform.openImportFiles();
    if (opened.status === 'opened') useFiles(opened.files);
    else if (opened.status === 'failed') setMessage({ severity: 'error', text: opened.message });
  };
  const drop = async (event: DragEvent): Promise<void> => {
    event.preventDefault();
    setDragging(false);
    const dropped = await Promise.all([...event.dataTransfer.files].map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
    if (dropped.length > 0) useFiles(dropped);
  };
  const commit = async (): Promise<void> => {
    const done = await longCall((onProgress) => client.start('import-commit', { replaceConflicts: false, replaceKeys: [...replace], now: new Date().toISOString() }, onProgress), false);
    if (!done) return;
    const rejected = preview?.plan?.rejectedRows ?? 0;
    setMessage({
      severity: 'success',
      text: `Imported batch #${done.batchId}: ${plural(done.entries, 'entry', 'entries')} stored${rejected > 0 ? `, ${plural(rejected, 'row', 'rows')} left out` : ''}. Every screen now includes it; revert it below if it was the wrong file.`,
    });
    setFiles([]);
    setPreview(null);
    refreshBatches();
    // The backup once the balances are back (it takes seconds on a big store). The import is
    // stored either way; the backup only keeps a copy beside it.
    dataChanged(() => {
      void backUpIfChanged(client, platform, 'import')
        .catch((failure: unknown) => ({ status: 'failed' as const, message: failureText(failure) }))
        .then((backup) => {
          if (backup?.status === 'failed') setMessage({ severity: 'warning', text: `Imported batch #${done.batchId}, but the automatic backup after it could not be written (${backup.message}). Make one in Settings → Backups.` });
        });
    });
  };
  const revert = async (batch: ImportBatch): Promise<void> => {
    const done = await longCall((onProgress) => client.start('revert', { batchId: batch.id, now: new Date().toISOString() }, onProgress), false);
    if (!done) return;
    setMessage({ severity: 'info', text: `Batch #${batch.id} was reverted: every balance is back to what it was before it. Its files can be imported again.` });
    refreshBatches();
    dataChanged();
  };
  const saveProfile = async (file: string, name: string): Promise<void> => {
    const detection = preview?.files.find((candidate) => candidate.file === file)?.detection;
    const choice = choiceFor(choices, file);
    const profileId = choice.profileId ?? detection?.profileId;
    if (!profileId || !detection?.record) return;
    const settings = preview?.settings?.find((candidate) => candidate.profileId === profileId);
    const request = { name, profileId, record: detection.record, columns: [...choice.columns], now: new Date().toISOString(), ...(settings ? { settings } : {}) };
    const saved = await longCall(() => client.start('profile-save', request), false);
    if (saved === undefined) return;
    // Saving changed the store, so the preview is taken again (the store refuses to commit a stale one).
    await runPreview(files, choices);
    setMessage({ severity: 'success', text: `Saved the profile "${name}". It is offered for every file from now on.` });
  };

  const labelOf = (profileId: string) => preview?.profiles.find((profile) => profile.id === profileId);
  return (
    <>
      <ScreenHeader title="Import" subtitle="Bring in agreements, additions and time entries exported from ConnectWise, Autotask, e-automate or any spreadsheet." asOf={false} />
      <ImportSteps files={files.length} preview={preview} />
      {message ? (
        <Alert severity={message.severity} sx={{ mb: 2 }} onClose={() => setMessage(null)}>
          {message.text}
        </Alert>
      ) : null}
      <LongCallError call={call} sx={{ mb: 2 }} />
      <ImportProgress progress={call.running ? (call.progress ?? { label: 'Starting', done: 0, total: 0 }) : null} onCancel={cancellable ? call.cancel : null} />
      <Paper
        variant="outlined"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => void drop(event)}
        sx={{ p: 3, mb: 2, textAlign: 'center', borderStyle: 'dashed', borderWidth: 2, bgcolor: dragging ? 'action.hover' : undefined }}
        role="region"
        aria-label="Drop files here"
      >
        <Typography sx={{ mb: 1 }}>{files.length > 0 ? files.map((file) => file.name).join(', ') : 'Drop CSV, XLSX or JSON exports here, or'}</Typography>
        <Button variant="contained" disabled={call.running} onClick={() => void pick()}>
          {files.length > 0 ? 'Choose other files' : 'Choose files'}
        </Button>
      </Paper>
      {preview ? (
        <>
          {preview.files.map((file) => (
            <Box key={file.file}>
              <FileMapping preview={file} fileIssues={preview.issues.filter((issue) => issue.file === file.file && issue.line === null)} choice={choiceFor(choices, file.file)} profiles={preview.profiles} onChange={(choice) => rerun(withChoice(choices, choice))} onSaveProfile={(name) => void saveProfile(file.file, name)} />
              <Box sx={{ mb: 3 }}>
                <PreviewGrid preview={file} />
              </Box>
            </Box>
          ))}
          {(preview.settings ?? []).map((settings) => (
            <ProfileSettingsCard
              key={settings.profileId}
              settings={settings}
              label={labelOf(settings.profileId)?.label ?? settings.profileId}
              products={labelOf(settings.profileId)?.system === 'connectwise'}
              onChange={(next) => rerun(withSettings(choices, next))}
            />
          ))}
          <IssueList issues={preview.issues} />
          <Box sx={{ mt: 2 }}>
            <ImportSummary preview={preview} replace={replace} busy={call.running} onReplace={setReplace} onCommit={() => void commit()} />
          </Box>
        </>
      ) : null}
      <BatchHistory batches={batches} onRevert={(batch) => void revert(batch)} />
    </>
  );
}
