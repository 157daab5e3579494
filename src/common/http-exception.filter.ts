import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { isSerializationFailure, isUniqueViolation } from './db/db-errors.js';
import type { ErrorBody, FieldError } from '../contract/api.js';

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
  503: 'Service Unavailable',
};

export type { ErrorBody };

/** Fastify's error codes for a request it refuses before any route runs, and ours for them. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'request/too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request/unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request/invalid_length',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request/empty_body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'request/invalid_json',
};

/** The code of a refusal raised without one (Nest's own, a library's), from its status. */
const STATUS_CODES: Record<number, string> = {
  400: 'request/invalid',
  401: 'auth/login_required',
  403: 'auth/forbidden',
  404: 'request/not_found',
  405: 'request/not_allowed',
  409: 'conflict',
  413: 'request/too_large',
  415: 'request/unsupported_media_type',
  429: 'request/rate_limited',
  503: 'server/unavailable',
};

const statusCode = (status: number) =>
  STATUS_CODES[status] ?? (status >= 500 ? 'server/error' : 'request/invalid');

function fastifyCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? FASTIFY_CODES[code] : undefined;
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
        // Fastify's refusals come mapped by Nest, the Fastify error as the cause.
        const code = fastifyCode(exception.cause) ?? statusCode(status);
        return { ...base, message: response, code };
      }
      const { message, code, errors } = response as {
        message?: string | string[];
        code?: string;
        errors?: FieldError[];
      };
      return {
        ...base,
        message: message ?? exception.message,
        code: code ?? statusCode(status),
        ...(errors ? { errors } : {}),
      };
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
    // PostgreSQL could not order this write among concurrent ones, however many times it was tried.
    if (isSerializationFailure(exception)) {
      return {
        statusCode: 409,
        error: 'Conflict',
        code: 'conflict/concurrent',
        message: 'Others changed the same data at the same moment: try again',
      };
    }
    // Fastify's own refusals (a body it cannot parse or take), with a code of ours.
    const status = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const { message } = exception as { message?: string };
      return {
        statusCode: status,
        error: STATUS_TEXT[status] ?? 'Error',
        message: message ?? 'Bad request',
        code: fastifyCode(exception) ?? statusCode(status),
      };
    }
    return {
      statusCode: 500,
      error: 'Internal Server Error',
      code: 'server/error',
      message: 'Internal server error',
    };
  }
}
