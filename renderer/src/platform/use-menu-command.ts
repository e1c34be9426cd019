import { useEffect, useRef } from 'react';
import type { MenuCommand } from './platform';
import { usePlatform } from './platform-context';

/** Runs `handler` (its latest version) whenever the menu or its shortcut gives `command`, while the calling screen is open. */
export function useMenuCommand(command: MenuCommand, handler: () => void): void {
  const platform = usePlatform();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(
    () =>
      platform.onMenuCommand((given) => {
        if (given === command) latest.current();
      }),
    [platform, command],
  );
}
