// The app with its screens: the shell's frame (renderer/src/app) filled with
// the features, all sharing one engine worker.
import { useCallback, useEffect, type ComponentType } from 'react';
import { App } from '../app/app';
import type { PageId } from '../app/pages';
import { backUpOnQuit } from '../components/automatic-backup';
import { EngineProvider, useEngine } from '../components/engine-context';
import type { FirstOpening } from '../components/first-opening';
import type { EngineClient } from '../workers/engine-client';
import type { MenuCommand, Platform } from '../platform/platform';
import { AuditScreen } from './audit/audit-screen';
import { ContractsScreen } from './contracts/contracts-screen';
import { EntriesScreen } from './entries/entries-screen';
import { ImportScreen } from './import/import-screen';
import { MonthEndScreen } from './month-end/month-end-screen';
import { SettingsScreen } from './settings/settings-screen';

const screens: Partial<Record<PageId, ComponentType>> = {
  contracts: ContractsScreen,
  entries: EntriesScreen,
  import: ImportScreen,
  'month-end': MonthEndScreen,
  audit: AuditScreen,
  settings: SettingsScreen,
};

function Frame({ platform }: { platform: Platform }) {
  const engine = useEngine();
  const { client } = engine;
  useEffect(() => backUpOnQuit(client, platform), [client, platform]);
  // Until the store answers, show the screens rather than flashing the welcome page.
  const { reloadData } = engine;
  const onMenuCommand = useCallback(
    (command: MenuCommand) => {
      if (command === 'reload-data') reloadData();
    },
    [reloadData],
  );
  return <App platform={platform} screens={screens} portfolioEmpty={engine.empty === true} onOpenSample={engine.openSample} onMenuCommand={onMenuCommand} />;
}

/** The whole UI for `platform`, driving `engine` (the window's engine worker), which was asked `first` as it started. */
export function Workspace({ platform, engine, first }: { platform: Platform; engine: EngineClient; first: FirstOpening }) {
  return (
    <EngineProvider client={engine} first={first}>
      <Frame platform={platform} />
    </EngineProvider>
  );
}
