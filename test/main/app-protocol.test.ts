import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appEntryUrl, createAppRequestHandler, isAppUrl, registerAppScheme } from '../../main/app-protocol';
import { contentSecurityPolicy } from '../../main/content-security-policy';
import { protocol } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let base: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'blockledger-protocol-'));
  mkdirSync(join(base, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(base, 'renderer', 'index.html'), '<!doctype html><title>Blockledger</title>');
  writeFileSync(join(base, 'renderer', 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer folder');
  handler = createAppRequestHandler(join(base, 'renderer'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

function get(url: string, method = 'GET'): Promise<Response> {
  // Node's Request does not know app:// but keeps the URL as given, as Electron does.
  return handler({ url, method } as Request);
}

describe('the app:// scheme', () => {
  it('is registered as standard and secure, so IndexedDB gets a stable origin', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(appEntryUrl).toBe('app://blockledger/index.html');
  });

  it('serves the entry page with the strict CSP header', async () => {
    const response = await get('app://blockledger/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await response.text()).toContain('<title>Blockledger</title>');
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy).toContain("script-src 'self';");
    expect(contentSecurityPolicy).toContain("object-src 'none'");
  });

  it('serves / as the entry page and assets with their type', async () => {
    expect(await (await get('app://blockledger/')).text()).toContain('Blockledger');
    const script = await get('app://blockledger/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'app://blockledger/..%2fsecret.txt',
    'app://blockledger/%2e%2e/secret.txt',
    'app://blockledger/%2e%2e%2fsecret.txt',
    'app://blockledger/assets/..%2f..%2fsecret.txt',
    'app://blockledger/..%5csecret.txt',
    'app://blockledger/%2fetc%2fpasswd',
    'app://blockledger/index.html%00.js',
  ])('refuses to leave the renderer folder: %s', async (url) => {
    const response = await get(url);
    expect([400, 403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('outside the renderer folder');
  });

  it('answers 404 for a missing file and for other hosts', async () => {
    expect((await get('app://blockledger/nope.js')).status).toBe(404);
    expect((await get('app://evil/index.html')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://blockledger/index.html', 'POST')).status).toBe(405);
  });

  it.each([
    ['app://blockledger/index.html', true],
    ['app://blockledger.evil/index.html', false],
    ['app://evil.blockledger/', false],
    ['app://blockledger:8080/', false],
    ['https://blockledger/', false],
    ['not a url', false],
  ])('isAppUrl(%s) is %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});
