import { HttpException, HttpStatus } from '@nestjs/common';
import type { FieldError } from '../contract/api.js';

export type { FieldError };

/** A refusal a client can act on, with a short namespaced code such as `meeting/slot_taken`. */
export class DomainError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    message: string | string[],
    readonly errors?: FieldError[],
  ) {
    super(
      {
        statusCode: status,
        error: HttpStatus[status],
        code,
        message,
        ...(errors ? { errors } : {}),
      },
      status,
    );
  }
}

export const notFound = (code: string, message: string) =>
  new DomainError(HttpStatus.NOT_FOUND, code, message);

export const conflict = (code: string, message: string) =>
  new DomainError(HttpStatus.CONFLICT, code, message);

export const unauthorized = (code: string, message: string) =>
  new DomainError(HttpStatus.UNAUTHORIZED, code, message);

export const forbidden = (code: string, message: string) =>
  new DomainError(HttpStatus.FORBIDDEN, code, message);

export const badRequest = (code: string, message: string) =>
  new DomainError(HttpStatus.BAD_REQUEST, code, message);

/** A request too deep or too long to validate (see body-shape.ts), naming where. */
export const badRequestShape = (problem: { code: string; message: string; field: string }) =>
  new DomainError(HttpStatus.BAD_REQUEST, problem.code, problem.message, [
    { field: problem.field, code: problem.code, message: problem.message },
  ]);

/** Bad input, field by field: `message` lists the English sentences, `errors` the fields and codes. */
export function invalid(errors: FieldError[]): DomainError {
  return new DomainError(
    HttpStatus.BAD_REQUEST,
    'validation/invalid',
    errors.map((e) => e.message),
    errors,
  );
}

/** One invalid field, for checks a DTO cannot express (a party named twice, a grid that overlaps). */
export const invalidField = (field: string, code: string, message: string) =>
  invalid([{ field, code, message }]);

/** A refusal other than a 400 that names its field or path parameter (a label taken, an entry in use). */
export const refusedField = (status: HttpStatus, field: string, code: string, message: string) =>
  new DomainError(status, code, message, [{ field, code, message }]);
