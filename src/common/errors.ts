import { HttpException, HttpStatus } from '@nestjs/common';

/** A refusal a client can act on, with a short namespaced code such as `meeting/slot_taken`. */
export class DomainError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    message: string,
  ) {
    super({ statusCode: status, error: HttpStatus[status], code, message }, status);
  }
}

export const notFound = (code: string, message: string) =>
  new DomainError(HttpStatus.NOT_FOUND, code, message);
export const conflict = (code: string, message: string) =>
  new DomainError(HttpStatus.CONFLICT, code, message);
export const forbidden = (code: string, message: string) =>
  new DomainError(HttpStatus.FORBIDDEN, code, message);
export const badRequest = (code: string, message: string) =>
  new DomainError(HttpStatus.BAD_REQUEST, code, message);
