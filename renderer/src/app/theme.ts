import { createTheme, type Theme } from '@mui/material/styles';

export type ThemeMode = 'light' | 'dark';

/**
 * The app's MUI theme: compact, as a clerk's working tool should be, in light
 * or dark. With `reducedMotion` (the system asks for less motion) nothing
 * slides, fades or ripples: MUI's transitions ignore that setting on their own.
 */
export function createAppTheme(mode: ThemeMode, reducedMotion = false): Theme {
  return createTheme({
    palette: { mode, primary: { main: mode === 'light' ? '#1f5f8b' : '#7cb8e4' } },
    shape: { borderRadius: 6 },
    ...(reducedMotion ? { transitions: { create: () => 'none' } } : {}),
    components: {
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiButtonBase: { defaultProps: { disableRipple: reducedMotion } },
      MuiListItemButton: { styleOverrides: { root: { borderRadius: 6 } } },
    },
  });
}
