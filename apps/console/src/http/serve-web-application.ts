import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/**
 * What a page of the console may load: only its own scripts, styles and API (Ant Design writes its
 * styles inline, hence 'unsafe-inline' for styles alone); no frame may embed it.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** Serves the built web application (its index at /, its hashed assets cached for a year); false when it is not built. */
export function serveWebApplication(app: NestExpressApplication, folder: string): boolean {
  if (!existsSync(join(folder, 'index.html'))) return false;
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (!request.path.startsWith('/api/')) {
      response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      response.setHeader('Referrer-Policy', 'no-referrer');
    }
    next();
  });
  app.useStaticAssets(folder, {
    index: 'index.html',
    setHeaders: (response: Response, path: string) => response.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  return true;
}
