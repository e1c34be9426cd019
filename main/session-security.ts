import type { Session } from 'electron';
import { isOwnUiUrl } from './app-origin';

// Electron approves every permission by default (checklist #5). The only one the
// app uses is writing to the clipboard (copying grid cells), for its own pages.
const allowedPermissions = new Set(['clipboard-sanitized-write']);

/** True when `permission` may be granted to a page at `url`. */
export function isPermissionAllowed(permission: string, url: string): boolean {
  return allowedPermissions.has(permission) && isOwnUiUrl(url);
}

/** Denies every permission request and check the app does not need, and every device. */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => callback(isPermissionAllowed(permission, details.requestingUrl || contents.getURL())));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}
