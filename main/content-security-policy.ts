// The one Content Security Policy, sent as a header with every app:// response
// and by the web preview server. No 'unsafe-eval' anywhere; inline *styles* are
// allowed because MUI (emotion) and AG Grid set them at run time. Workers may
// come from blob: URLs (Vite's worker bundling in some modes).
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
