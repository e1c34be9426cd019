import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Workspace } from './features/workspace';
import { selectPlatform } from './platform/select-platform';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Workspace platform={selectPlatform()} />
  </StrictMode>,
);
