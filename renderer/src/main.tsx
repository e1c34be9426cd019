import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { selectPlatform } from './platform/select-platform';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App platform={selectPlatform()} portfolioEmpty />
  </StrictMode>,
);
