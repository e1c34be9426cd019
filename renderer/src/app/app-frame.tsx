import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type ComponentType } from 'react';
import type { MenuCommand } from '../platform/platform';
import { usePlatform } from '../platform/platform-context';
import { EmptyState } from './empty-state';
import { EXPORTING_PAGES, pages, type PageId } from './pages';
import { ScreenBoundary } from './screen-boundary';
import { PlaceholderPage } from './placeholder-page';
import type { ThemeMode } from './theme';

const drawerWidth = 200;

export interface AppFrameProps {
  /** The screen of each page; a page without one shows a placeholder. */
  screens?: Partial<Record<PageId, ComponentType>>;
  /** True until a portfolio exists: Contracts then shows the first-start choices. */
  portfolioEmpty: boolean;
  onOpenSample?: () => void;
  onImportExports?: () => void;
  /** Menu commands for the screens: the frame itself only opens Import, opens Month-end for an Export no screen takes, and finds. */
  onMenuCommand?: (command: MenuCommand) => void;
  themeMode: ThemeMode;
  onToggleTheme: () => void;
}

/** Find (⌘/Ctrl+F): the open screen's search box, its text selected to type over; a screen without one has nothing to find in. */
function findOnScreen(): void {
  const box = document.querySelector<HTMLInputElement>('main input[type="search"]');
  box?.focus();
  box?.select();
}

/** The window's frame: title bar, left navigation, and the current page. */
export function AppFrame({ screens = {}, portfolioEmpty, onOpenSample, onImportExports, onMenuCommand, themeMode, onToggleTheme }: AppFrameProps) {
  const platform = usePlatform();
  const [page, setPage] = useState<PageId>('contracts');
  // The latest callback without resubscribing to the bridge on every render.
  const menuHandler = useRef(onMenuCommand);
  menuHandler.current = onMenuCommand;

  useEffect(
    () =>
      platform.onMenuCommand((command) => {
        if (command === 'import') setPage('import');
        if (command === 'export') setPage((open) => (EXPORTING_PAGES.has(open) ? open : 'month-end'));
        if (command === 'find') findOnScreen();
        menuHandler.current?.(command);
      }),
    [platform],
  );

  const current = pages.find((candidate) => candidate.id === page) ?? pages[0];
  const Screen = screens[page];
  const importExports = (): void => {
    setPage('import');
    onImportExports?.();
  };

  return (
    <Box sx={{ display: 'flex', height: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar variant="dense">
          <Typography variant="h6" component="div" sx={{ flexGrow: 1 }}>
            Blockledger
          </Typography>
          <Button color="inherit" onClick={onToggleTheme}>
            {themeMode === 'light' ? 'Dark theme' : 'Light theme'}
          </Button>
        </Toolbar>
      </AppBar>
      <Drawer variant="permanent" sx={{ width: drawerWidth, flexShrink: 0, '& .MuiDrawer-paper': { width: drawerWidth, boxSizing: 'border-box' } }}>
        <Toolbar variant="dense" />
        <Box component="nav" aria-label="Main" sx={{ p: 1 }}>
          <List disablePadding>
            {pages.map((candidate) => (
              <ListItemButton key={candidate.id} selected={candidate.id === page} aria-current={candidate.id === page ? 'page' : undefined} onClick={() => setPage(candidate.id)}>
                <ListItemText primary={candidate.label} />
              </ListItemButton>
            ))}
          </List>
        </Box>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: 3, overflow: 'auto' }}>
        <Toolbar variant="dense" />
        {portfolioEmpty && page === 'contracts' ? (
          <EmptyState onOpenSample={() => onOpenSample?.()} onImportExports={importExports} />
        ) : Screen ? (
          // Keyed by page: opening another screen starts its boundary afresh.
          <ScreenBoundary key={page} screen={current.label}>
            <Screen />
          </ScreenBoundary>
        ) : (
          <PlaceholderPage title={current.label} />
        )}
      </Box>
    </Box>
  );
}
