// The window's React root, loaded once main.tsx has started the engine worker.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { FirstOpening } from './components/first-opening';
import { Workspace } from './features/workspace';
import { selectPlatform } from './platform/select-platform';
import type { EngineClient } from './workers/engine-client';

export function renderWindow(engine: EngineClient, first: FirstOpening): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <Workspace platform={selectPlatform()} engine={engine} first={first} />
    </StrictMode>,
  );
}
