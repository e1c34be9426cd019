// Audit (issue 6): a consultant picks the ConnectWise exports, the e-automate
// contracts they were migrated to and the time entries; the engine worker
// pairs them, lists the findings, replays both term sets and explains each
// reported balance. The same content as the audit workbook, which can be
// saved from here, with the entries behind each difference one click away.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import { useEngine } from '../../components/engine-context';
import { ScreenHeader } from '../../components/screen-header';
import { usePlatform } from '../../platform/platform-context';
import { useMenuCommand } from '../../platform/use-menu-command';
import type { MigrationAuditView, NamedFile } from '../../workers/engine-protocol';
import { IssueList } from '../../components/issue-list';
import { LongCallError, LongCallProgress } from '../../components/long-call-progress';
import { useLongCall } from '../../components/use-long-call';
import { AuditFiles, type FileGroup } from './audit-files';
import { DrillDownTable, FindingsTable, PairsTable, TotalsTable, VarianceTable, WhatIfTable } from './audit-tables';
import { type DrillDown, namedDrillDown, parseUnitProducts, severityCounts } from './audit-view';

type Section = 'pairs' | 'findings' | 'what-if' | 'variance';

const NO_FILES: Readonly<Record<FileGroup, readonly NamedFile[]>> = { source: [], target: [], entries: [], pairs: [] };

/** The Audit screen for the shared as-of date. */
export function AuditScreen() {
  const { client, asOf, formats } = useEngine();
  const platform = usePlatform();
  const call = useLongCall();
  const [files, setFiles] = useState(NO_FILES);
  const [unitText, setUnitText] = useState('');
  const [view, setView] = useState<MigrationAuditView | null>(null);
  const [section, setSection] = useState<Section>('pairs');
  const [drill, setDrill] = useState<DrillDown | null>(null);
  const [message, setMessage] = useState<{ severity: 'error' | 'success'; text: string } | null>(null);
  const units = parseUnitProducts(unitText);
  const ready = files.source.length > 0 && files.target.length > 0 && files.entries.length > 0 && units.problems.length === 0;

  const run = async (): Promise<void> => {
    setMessage(null);
    setDrill(null);
    const request = { source: files.source, target: files.target, entries: files.entries, pairs: files.pairs[0] ?? null, asOf, unitProducts: units.products };
    const next = await call.run((onProgress) => client.start('migration-audit', request, onProgress));
    if (next) setView(next);
  };

  const save = async (): Promise<void> => {
    const workbook = view?.workbook;
    if (!workbook) return;
    const saved = await platform.saveWorkbook({ suggestedName: workbook.name, bytes: workbook.bytes });
    if (saved.status === 'saved') setMessage({ severity: 'success', text: `Saved ${saved.name}.` });
    else if (saved.status === 'failed') setMessage({ severity: 'error', text: saved.message });
  };

  // The menu's Export (Ctrl/Cmd+E) on this screen: the audit workbook, once there is one.
  useMenuCommand('export', () => {
    if (!call.running) void save();
  });

  const result = view?.result ?? null;
  return (
    <>
      <ScreenHeader title="Audit" subtitle="ConnectWise agreements against the e-automate contracts they became, and why a balance differs" />
      <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
        <AuditFiles
          files={files}
          onFiles={(group, picked) => setFiles((current) => ({ ...current, [group]: picked }))}
          unitProducts={unitText}
          onUnitProducts={setUnitText}
          problems={units.problems}
          onFailure={(text) => setMessage({ severity: 'error', text })}
        />
        <Stack direction="row" spacing={2}>
          <Button variant="contained" disabled={!ready || call.running} onClick={() => void run()}>
            {`Audit as of ${asOf}`}
          </Button>
          <Button variant="outlined" disabled={!view?.workbook || call.running} onClick={() => void save()}>
            Save the audit workbook
          </Button>
        </Stack>
        <LongCallProgress call={call} label="Auditing" />
        <LongCallError call={call} sx={{ mt: 1 }} />
        {message ? (
          <Alert severity={message.severity} sx={{ mt: 1 }} onClose={() => setMessage(null)}>
            {message.text}
          </Alert>
        ) : null}
      </Paper>
      {view && view.result === null ? (
        <Alert severity="error" sx={{ mb: 1 }}>
          The files have problems; nothing was audited. Fix them at the source and audit again.
        </Alert>
      ) : null}
      {view ? <IssueList issues={view.issues} /> : null}
      {result ? (
        <Box>
          <Stack direction="row" spacing={1} sx={{ mb: 1 }} role="list" aria-label="Findings by severity">
            {severityCounts(result).map(({ severity, count }) => (
              <Chip key={severity} role="listitem" size="small" color={severity === 'high' && count > 0 ? 'error' : 'default'} label={`${severity}: ${count}`} />
            ))}
          </Stack>
          <Tabs value={section} onChange={(_event, next: Section) => setSection(next)} sx={{ mb: 1 }}>
            <Tab value="pairs" label={`Pairs (${result.pairing.pairs.length} + ${result.pairing.unpaired.length} unpaired)`} />
            <Tab value="findings" label={`Findings (${result.findings.length})`} />
            <Tab value="what-if" label="What-if by month" />
            <Tab value="variance" label={`Variance (${result.variances.length})`} />
          </Tabs>
          {section === 'pairs' ? <PairsTable result={result} /> : null}
          {section === 'findings' ? <FindingsTable result={result} /> : null}
          {section === 'what-if' ? (
            <>
              <WhatIfTable result={result} formats={formats} onDrill={(title, ids) => setDrill(namedDrillDown(view?.entries ?? [], title, ids))} />
              <TotalsTable result={result} formats={formats} />
            </>
          ) : null}
          {section === 'variance' ? <VarianceTable result={result} formats={formats} onDrill={(title, ids) => setDrill(namedDrillDown(view?.entries ?? [], title, ids))} /> : null}
          {drill ? (
            <Paper variant="outlined" sx={{ p: 2 }} role="region" aria-label="Drill-down">
              <DrillDownTable drill={drill} formats={formats} />
            </Paper>
          ) : null}
        </Box>
      ) : null}
    </>
  );
}
