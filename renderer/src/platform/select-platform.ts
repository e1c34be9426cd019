import { desktopPlatform } from './desktop';
import type { Platform } from './platform';
import { createWebPlatform } from './web';

/** The desktop bridge inside Electron, the browser implementation anywhere else. */
export function selectPlatform(): Platform {
  return desktopPlatform() ?? createWebPlatform();
}
