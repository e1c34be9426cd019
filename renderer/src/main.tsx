// The window's entry, kept to what starts the engine worker: the worker is
// created and asked what to show first before React and the screens' code (most
// of the bundle) are fetched and run. Answering starts its read of the store,
// which then overlaps the window's own start (issue 5: first grid in 2 s).
import { askFirstOpening } from './components/first-opening';
import { createEngineClient } from './workers/engine-client';

const engine = createEngineClient();
const first = askFirstOpening(engine, new Date());
void import('./window-root').then(({ renderWindow }) => renderWindow(engine, first));
