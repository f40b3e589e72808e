import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { RegistryError } from '@hub/contract-registry';
import { errorCodeOfHttpStatus, HubError, httpStatusOf } from '@hub/errors';
import { databaseUnavailable } from '@hub/persistence';

/** Answers every error as `{ statusCode, error, message }`; 503 with Retry-After when the hub cannot right now; never a stack. */
@Catch()
export class ConsoleExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ConsoleExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      response.status(status).json({ statusCode: status, error: errorCodeOfHttpStatus(status) ?? exception.name, message: exception.message });
      return;
    }
    if (exception instanceof RegistryError) {
      // The registry's library answers in its own codes (Confluent's); its explanations are kept for the catalogue page.
      response.status(exception.httpStatus).json({ statusCode: exception.httpStatus, error: exception.errorCode, message: exception.message, details: exception.details });
      return;
    }
    // A database that cannot be reached is the hub's passing trouble (503, Retry-After), not a failure of the request.
    const known = exception instanceof HubError ? exception : databaseUnavailable(exception);
    const error = known ?? HubError.from(exception);
    const status = known ? httpStatusOf(known.code) : 500;
    if (status === 503) response.setHeader('Retry-After', '5');
    if (status === 500) this.logger.error({ err: error }, 'request failed');
    response.status(status).json({ statusCode: status, error: error.code, message: status === 500 ? 'internal error' : error.message });
  }
}
