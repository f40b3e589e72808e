import { HttpException, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ErrorCode, HubError } from '@hub/errors';
import { ConsoleEnvironment } from '../console-environment.js';
import { sessionToken } from './session-cookie.js';

const TIMEOUT_MS = 30_000;

/**
 * Passes a person's contract change to the registry, which alone registers and publishes
 * contracts: with their session token and CSRF token, which the registry checks against the
 * console's sessions itself and then decides as for their member. The registry's answer comes
 * back as it is, refusals included (its status and message).
 */
@Injectable()
export class RegistryForwarding {
  private readonly registry: string | undefined;

  constructor(@Inject(ConsoleEnvironment) env: ConsoleEnvironment) {
    this.registry = env.consoleServices()['registry'];
  }

  async send<T>(request: Request, method: 'POST' | 'PUT', path: string, body: unknown): Promise<T> {
    if (!this.registry) throw new HubError(ErrorCode.NotReady, '控制台未配置登记中心地址 (no registry among CONSOLE_SERVICES)');
    const response = await fetch(new URL(path, this.registry), {
      method,
      headers: {
        'content-type': 'application/vnd.schemaregistry.v1+json',
        'x-console-session': sessionToken(request) ?? '',
        'x-csrf-token': typeof request.headers['x-csrf-token'] === 'string' ? request.headers['x-csrf-token'] : '',
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    }).catch((error: unknown) => {
      throw new HubError(ErrorCode.NotReady, `登记中心暂不可用 (the registry could not be reached: ${error instanceof Error ? error.message : String(error)})`, { canRetry: true });
    });
    const answer = (await response.json().catch(() => ({}))) as { message?: string };
    if (!response.ok) throw new HttpException(answer.message ?? `the registry answered ${response.status}`, response.status);
    return answer as T;
  }
}
