import type { IpcMainInvokeEvent } from 'electron';
import { isOwnUiUrl } from './app-origin';
import { RefusedError } from './validate';
import { isAppWebContents } from './window';

/**
 * Refuses IPC that does not come from the top frame of one of our windows
 * showing our own UI (Electron checklist #17): not a subframe, not a page the
 * window was tricked into loading, not another webContents.
 */
export function assertTrustedSender(event: IpcMainInvokeEvent): void {
  const frame = event.senderFrame;
  if (!frame) throw new RefusedError('the sending frame is gone');
  if (!isAppWebContents(event.sender)) throw new RefusedError('not an app window');
  if (frame.parent !== null || frame !== event.sender.mainFrame) throw new RefusedError('not the top frame');
  if (!isOwnUiUrl(frame.url)) throw new RefusedError('not the app origin');
}
