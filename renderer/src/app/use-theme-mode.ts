import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { ThemeMode } from './theme';

const storageKey = 'blockledger.theme';

function initialMode(): ThemeMode {
  const saved = localStorage.getItem(storageKey);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The light/dark choice, remembered across starts; follows the OS until the user picks. */
export function useThemeMode(): [ThemeMode, () => void] {
  const [mode, setMode] = useState<ThemeMode>(initialMode);
  useEffect(() => {
    document.documentElement.dataset.theme = mode;
  }, [mode]);
  const toggle = useCallback(() => {
    setMode((current) => {
      const next = current === 'light' ? 'dark' : 'light';
      localStorage.setItem(storageKey, next);
      return next;
    });
  }, []);
  return [mode, toggle];
}

/** The app's theme choice for screens that offer it too (Settings); provided by App. */
export const ThemeModeContext = createContext<readonly [ThemeMode, () => void] | null>(null);

/** The current light/dark mode and its toggle; needs App above. */
export function useThemeModeChoice(): readonly [ThemeMode, () => void] {
  const choice = useContext(ThemeModeContext);
  if (!choice) throw new Error('useThemeModeChoice needs App above it');
  return choice;
}
