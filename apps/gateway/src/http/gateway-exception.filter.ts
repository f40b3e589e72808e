import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorCode, errorCodeOfHttpStatus, HubError, httpStatusOf } from '@hub/errors';
import { databaseUnavailable } from '@hub/persistence';
import { SubmissionError, SubmissionLimitError } from '@hub/ingest';
import { ACCESS_LOGGED, type AccessLog, type AuthenticatedRequest } from '@hub/members';
import { gatewayActionOf } from './gateway-action.js';

/**
 * Answers every error as `{ statusCode, error, message }`. What the hub cannot keep right now
 * (Kafka or PostgreSQL away, contracts not loaded) is 503 with Retry-After: nothing of that
 * request was accepted, and sending it again is safe. Every refusal of a member's request (4xx)
 * goes to the access log (issue 19), unless its decision is there already (a refused key: the
 * guard; a refused read: ReadAccess).
 */
/** The seconds a refused client should wait, as the error says (a number), or the default. */
const retryAfter = (given: unknown, otherwise: number) => String(typeof given === 'number' ? given : otherwise);

@Catch()
export class GatewayExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(GatewayExceptionFilter.name);

  constructor(private readonly accessLog: AccessLog) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    this.answer(exception, response);
    this.logRefusal(exception, host.switchToHttp().getRequest<AuthenticatedRequest>(), response.statusCode);
  }

  private logRefusal(exception: unknown, request: AuthenticatedRequest, status: number): void {
    if (status < 400 || status >= 500 || !request.member) return;
    if (exception instanceof HubError && exception.context[ACCESS_LOGGED] === true) return;
    const reason = `${status}: ${exception instanceof Error ? exception.message : String(exception)}`.slice(0, 1000);
    this.accessLog
      .write({ member: request.member.id, action: gatewayActionOf(request.method, request.path), resource: `${request.method} ${request.path}`, allowed: false, reason }, 'http')
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'could not write a refused request to the access log');
      });
  }

  private answer(exception: unknown, response: Response): void {
    if (exception instanceof SubmissionLimitError) {
      // The rest of an oversized body is not read: the connection closes after the answer.
      response.setHeader('Connection', 'close');
      response.status(413).json({ statusCode: 413, error: ErrorCode.PayloadTooLarge, message: exception.message, limit: exception.limit, value: exception.value });
      return;
    }
    if (exception instanceof SubmissionError) {
      response.status(400).json({ statusCode: 400, error: 'BAD_REQUEST', message: exception.message });
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      response.status(status).json({ statusCode: status, error: errorCodeOfHttpStatus(status) ?? exception.name, message: exception.message });
      return;
    }
    // A database that cannot be reached is the hub's passing trouble (503, Retry-After), not a failure of the request.
    const known = exception instanceof HubError ? exception : databaseUnavailable(exception);
    const error = known ?? HubError.from(exception);
    const status = known ? httpStatusOf(known.code) : 500;
    if (status === 503) {
      this.logger.warn({ err: error }, 'request refused: the hub cannot keep it right now');
      response.setHeader('Retry-After', retryAfter(error.context['retryAfterSeconds'], 5));
    } else if (status === 413) {
      response.setHeader('Connection', 'close');
    } else if (status === 429) {
      response.setHeader('Retry-After', retryAfter(error.context['retryAfterSeconds'], 1));
    } else if (status === 500) {
      this.logger.error({ err: error }, 'request failed');
    }
    response.status(status).json({ statusCode: status, error: error.code, message: status === 500 ? 'internal error; the request was not accepted' : error.message });
  }
}
