// The UI is served from app://blockledger/, a custom scheme registered as
// standard and secure. Storage (IndexedDB) is keyed by origin, so this origin
// must never change between releases or users would see an empty database
// (reliability.md DB-7, Electron checklist #18: no file://).

import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from './content-security-policy';

export const appScheme = 'app';
export const appHost = 'blockledger';
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Must run before app 'ready': only then can a scheme be made standard and secure. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves app://blockledger/ from the built renderer folder (after 'ready'). */
export function serveAppScheme(rootDir: string): void {
  protocol.handle(appScheme, createAppRequestHandler(rootDir));
}

/** True for URLs of our own pages: app://blockledger/... and nothing that merely looks like it. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.hostname === appHost && parsed.port === '' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

function respond(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': contentSecurityPolicy } });
}

/**
 * The protocol handler: maps a URL to a file inside `rootDir`, refusing any
 * path that would leave it (encoded `..`, backslashes, absolute paths, NUL).
 */
export function createAppRequestHandler(rootDir: string): (request: Request) => Promise<Response> {
  const root = resolve(rootDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Method not allowed');
    if (!isAppUrl(request.url)) return respond(404, 'Not found');
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url).pathname);
    } catch {
      return respond(400, 'Bad request');
    }
    if (pathname.includes('\0') || pathname.includes('\\')) return respond(403, 'Forbidden');
    const relativePath = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = resolve(root, relativePath);
    const inside = relative(root, file);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) return respond(403, 'Forbidden');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return respond(404, 'Not found');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-security-policy': contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
      },
    });
  };
}
