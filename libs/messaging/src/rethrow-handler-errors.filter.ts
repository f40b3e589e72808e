import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC filter turns a handler's error into `{ status: 'error', message: 'Internal
 * server error' }`; the Kafka transport needs the error itself (its code and canRetry) to decide
 * between retrying and dead-lettering. Installed on every hub consumer microservice.
 */
@Catch()
export class RethrowHandlerErrorsFilter implements RpcExceptionFilter {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
