import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useMemo } from 'react';
import type { Platform } from '../platform/platform';
import { PlatformProvider } from '../platform/platform-context';
import { AppFrame, type AppFrameProps } from './app-frame';
import { createAppTheme } from './theme';
import { ThemeModeContext, useThemeMode } from './use-theme-mode';

export type AppProps = Omit<AppFrameProps, 'themeMode' | 'onToggleTheme'> & { platform: Platform };

/** The whole UI: the bridge, the theme, and the frame with its screens. */
export function App({ platform, ...frame }: AppProps) {
  const [mode, toggleMode] = useThemeMode();
  const choice = useMemo(() => [mode, toggleMode] as const, [mode, toggleMode]);
  // The system's "reduce motion" setting (an accessibility choice), followed live.
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const theme = useMemo(() => createAppTheme(mode, reducedMotion), [mode, reducedMotion]);
  return (
    <PlatformProvider platform={platform}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <ThemeModeContext.Provider value={choice}>
          <AppFrame {...frame} themeMode={mode} onToggleTheme={toggleMode} />
        </ThemeModeContext.Provider>
      </ThemeProvider>
    </PlatformProvider>
  );
}
