import { menuShortcuts, type MenuCommand } from './platform';

/** The menu command a key press stands for, read from the same accelerators the desktop menu uses. */
export function menuCommandForKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, isMac: boolean): MenuCommand | undefined {
  const commandKey = isMac ? event.metaKey : event.ctrlKey;
  if (!commandKey || event.altKey) return undefined;
  for (const [command, accelerator] of Object.entries(menuShortcuts) as [MenuCommand, string][]) {
    const parts = accelerator.split('+');
    const key = parts.at(-1)?.toLowerCase();
    if (parts.includes('Shift') === event.shiftKey && event.key.toLowerCase() === key) return command;
  }
  return undefined;
}
