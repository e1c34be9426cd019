// The window's entry. The engine worker starts first, before the screens'
// code (MUI, AG Grid, charts: most of the bundle) is fetched and parsed, and
// is asked at once what to show first; answering starts its read of the
// store, which then overlaps the window's own start (issue 5: first grid in 2 s).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { askFirstOpening } from './components/engine-context';
import { selectPlatform } from './platform/select-platform';
import { createEngineClient } from './workers/engine-client';

const engine = createEngineClient();
const first = askFirstOpening(engine, new Date());
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void import('./features/workspace').then(({ Workspace }) =>
  createRoot(root).render(
    <StrictMode>
      <Workspace platform={selectPlatform()} engine={engine} first={first} />
    </StrictMode>,
  ),
);
