import type { IncomingHttpHeaders } from 'node:http';

/** The credential a request presents: an API key, and for HTTP Basic the member id given as user name. */
export interface PresentedCredential {
  key: string;
  /** The user name of HTTP Basic, which must be the member the key belongs to. */
  memberId?: string;
}

/**
 * Reads the credential from the request headers, in the three forms the hub accepts:
 * `Authorization: Bearer <key>`; `Authorization: Basic base64(<member>:<key>)`, which is what
 * unmodified Confluent clients send with `basic.auth.user.info=<member>:<key>`; and `X-Api-Key: <key>`.
 */
export function presentedCredential(headers: IncomingHttpHeaders): PresentedCredential | undefined {
  const authorization = headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  if (bearer) return { key: bearer };
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization)?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { memberId: decoded.slice(0, colon), key: decoded.slice(colon + 1) };
  }
  const header = headers['x-api-key'];
  return typeof header === 'string' && header !== '' ? { key: header } : undefined;
}
