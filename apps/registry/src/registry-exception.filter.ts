import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { RegistryError } from '@hub/contract-registry';
import { HubError } from '@hub/errors';
import { databaseUnavailable } from '@hub/persistence';

/** Answers errors the way Confluent Schema Registry clients expect: `{ error_code, message }`. */
@Catch()
export class RegistryExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(RegistryExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof RegistryError) {
      response.status(exception.httpStatus).json({ error_code: exception.errorCode, message: exception.message });
      return;
    }
    const unavailable = databaseUnavailable(exception);
    if (unavailable) {
      response
        .status(503)
        .setHeader('Retry-After', '5')
        .json({ error_code: 50302, message: `Temporarily unavailable: ${unavailable.message}.` });
      return;
    }
    if (exception instanceof HubError && exception.canRetry) {
      // The change is stored; only telling hub.contracts failed. Retrying the same call is safe.
      this.logger.warn({ err: exception }, 'registry change stored but not yet published');
      response
        .status(503)
        .setHeader('Retry-After', '5')
        .json({ error_code: 50301, message: `Temporarily unavailable: ${exception.message}. Retry the same request.` });
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      response.status(status).json({ error_code: status, message: exception.message });
      return;
    }
    this.logger.error({ err: exception }, 'registry request failed');
    response.status(500).json({ error_code: 50001, message: 'Error in the backend data store.' });
  }
}
