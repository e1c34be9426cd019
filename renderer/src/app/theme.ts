import { createTheme, type Theme } from '@mui/material/styles';

export type ThemeMode = 'light' | 'dark';

/** The app's MUI theme: compact, as a clerk's working tool should be, in light or dark. */
export function createAppTheme(mode: ThemeMode): Theme {
  return createTheme({
    palette: { mode, primary: { main: mode === 'light' ? '#1f5f8b' : '#7cb8e4' } },
    shape: { borderRadius: 6 },
    components: {
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiListItemButton: { styleOverrides: { root: { borderRadius: 6 } } },
    },
  });
}
