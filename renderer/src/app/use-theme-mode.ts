import { useCallback, useEffect, useState } from 'react';
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
