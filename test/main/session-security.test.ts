import { describe, expect, it, vi } from 'vitest';
import { isPermissionAllowed, lockDownSession } from '../../main/session-security';

vi.mock('electron', () => import('./fake-electron'));

describe('session permissions', () => {
  it.each(['notifications', 'media', 'geolocation', 'midi', 'openExternal', 'fullscreen', 'clipboard-read'])('denies %s even to our own page', (permission) => {
    expect(isPermissionAllowed(permission, 'app://blockledger/index.html')).toBe(false);
  });

  it('allows copying to the clipboard for our page only', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://blockledger/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
  });

  it('installs request, check and device handlers that deny', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    lockDownSession(session as never);
    const callback = vi.fn();
    session.setPermissionRequestHandler.mock.calls[0]?.[0]({ getURL: () => 'app://blockledger/index.html' }, 'media', callback, { requestingUrl: 'app://blockledger/index.html' });
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.setPermissionCheckHandler.mock.calls[0]?.[0](null, 'geolocation', 'app://blockledger')).toBe(false);
    expect(session.setDevicePermissionHandler.mock.calls[0]?.[0]()).toBe(false);
  });
});
