import type { NextFunction, Request, Response } from 'express';

/**
 * On every answer of every service: no `X-Powered-By` (what the server runs on is nobody's
 * business), and `X-Content-Type-Options: nosniff` (a browser takes a JSON or text answer for what
 * it says it is, never for a page).
 */
export function hardenResponseHeaders(_request: Request, response: Response, next: NextFunction): void {
  response.removeHeader('X-Powered-By');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  next();
}
