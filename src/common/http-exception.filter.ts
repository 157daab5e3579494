import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { isUniqueViolation } from './db/db-errors.js';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  code?: string;
}

/** The one error shape of the API; a 500 never shows internals. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : exception,
      );
    }
    // A route may have set another content type (text/calendar, image/png) before failing.
    void reply
      .status(body.statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .send(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const base = {
        statusCode: status,
        error: STATUS_TEXT[status] ?? HttpStatus[status] ?? 'Error',
      };
      if (typeof response === 'string') {
        return { ...base, message: response };
      }
      const { message, code } = response as { message?: string | string[]; code?: string };
      return { ...base, message: message ?? exception.message, ...(code ? { code } : {}) };
    }
    // A unique index refused a write that raced past the service checks.
    if (isUniqueViolation(exception)) {
      return {
        statusCode: 409,
        error: 'Conflict',
        code: 'conflict',
        message: 'This conflicts with existing data',
      };
    }
    const status = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = (exception as { message?: string }).message ?? 'Bad request';
      return { statusCode: status, error: STATUS_TEXT[status] ?? 'Error', message };
    }
    return { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' };
  }
}
