// The window's entry. The engine worker starts first, before the screens'
// code (MUI, AG Grid, charts: most of the bundle) is fetched and parsed, so
// the worker reads the store while the window boots (issue 5: first grid in 2 s).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { selectPlatform } from './platform/select-platform';
import { createEngineClient } from './workers/engine-client';

const engine = createEngineClient();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void import('./features/workspace').then(({ Workspace }) =>
  createRoot(root).render(
    <StrictMode>
      <Workspace platform={selectPlatform()} engine={engine} />
    </StrictMode>,
  ),
);
