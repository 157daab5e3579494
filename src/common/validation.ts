import {
  applyDecorators,
  Param,
  ParseUUIDPipe,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { invalid, type FieldError } from './errors.js';

/**
 * Composed validation decorators: each one validates, transforms and documents a field for
 * OpenAPI, so DTOs stay one decorator per field.
 */
interface FieldOptions {
  optional?: boolean;
  nullable?: boolean;
  description?: string;
  example?: unknown;
}

function documented(options: FieldOptions, schema: Record<string, unknown>): PropertyDecorator {
  const api = options.optional ? ApiPropertyOptional : ApiProperty;
  const decorators: PropertyDecorator[] = [
    api({
      ...schema,
      description: options.description,
      example: options.example,
      nullable: options.nullable,
    }),
  ];
  if (options.optional || options.nullable) {
    decorators.push(IsOptional());
  }
  return applyDecorators(...decorators);
}

const trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export function Text(options: FieldOptions & { min?: number; max: number }): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: String, minLength: options.min ?? 1, maxLength: options.max }),
    trim(),
    IsString(),
    MinLength(options.min ?? 1),
    MaxLength(options.max),
  );
}

export function Email(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented(options, {
      type: String,
      format: 'email',
      example: options.example ?? 'marie.dupont@example.org',
    }),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.trim().toLowerCase() : value,
    ),
    IsEmail({}, { message: '$property must be an email' }),
    MaxLength(254),
  );
}

export function Password(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: String, minLength: 8, maxLength: 128, format: 'password' }),
    IsString(),
    MinLength(8),
    MaxLength(128),
  );
}

export function OneOf<T extends string>(
  values: readonly T[],
  options: FieldOptions = {},
): PropertyDecorator {
  return applyDecorators(
    documented(options, { enum: values, type: String }),
    IsIn(values, { message: `$property must be one of: ${values.join(', ')}` }),
  );
}

export function TextList(
  options: FieldOptions & { maxItems: number; maxLength: number },
): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: [String], maxItems: options.maxItems }),
    Transform(({ value }: { value: unknown }) =>
      Array.isArray(value)
        ? (value as unknown[])
            .map((v) => (typeof v === 'string' ? v.trim() : v))
            .filter((v) => v !== '')
        : value,
    ),
    IsArray(),
    ArrayMaxSize(options.maxItems),
    IsString({ each: true }),
    MaxLength(options.maxLength, { each: true }),
  );
}

export function Int(options: FieldOptions & { min: number; max: number }): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: Number, minimum: options.min, maximum: options.max }),
    IsInt(),
    Min(options.min),
    Max(options.max),
  );
}

/** An integer from a query string (`?page=2`). */
export function QueryInt(options: FieldOptions & { min: number; max: number }): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value,
    ),
    Int(options),
  );
}

export function Bool(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(documented(options, { type: Boolean }), IsBoolean());
}

export function Fraction(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: Number, minimum: 0, maximum: 1 }),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(0),
    Max(1),
  );
}

/** An ISO 8601 date-time with its offset, such as 2027-07-15T10:00:00+02:00. */
export function DateTime(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: String, format: 'date-time' }),
    IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 date-time' }),
  );
}

export function Id(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: String, format: 'uuid' }),
    IsUUID('all', { message: '$property must be a UUID' }),
  );
}

export function IdList(options: FieldOptions & { maxItems: number }): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: [String], format: 'uuid', maxItems: options.maxItems }),
    IsArray(),
    ArrayMaxSize(options.maxItems),
    IsUUID('all', { each: true, message: 'each value in $property must be a UUID' }),
  );
}

export function Pattern(
  pattern: RegExp,
  message: string,
  options: FieldOptions & { max: number },
): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: String, pattern: pattern.source, maxLength: options.max }),
    trim(),
    IsString(),
    MaxLength(options.max),
    Matches(pattern, { message }),
  );
}

export function Nested<T>(
  type: () => new () => T,
  options: FieldOptions & { each?: boolean } = {},
): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: options.each ? [type()] : type() }),
    ValidateNested({ each: options.each }),
    Type(type),
    ...(options.each ? [IsArray()] : []),
  );
}

/** A UUID route parameter; a malformed one is a 400 that names the parameter. */
export function IdParam(name: string): ParameterDecorator {
  return Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        invalid([{ field: name, code: 'validation/uuid', message: `${name} must be a UUID` }]),
    }),
  );
}

/** Stable codes for class-validator's constraints, so a client can say "too long" in its own language. */
const CONSTRAINT_CODES: Record<string, string> = {
  isEmail: 'validation/email',
  isUuid: 'validation/uuid',
  isIso8601: 'validation/date_time',
  matches: 'validation/format',
  isIn: 'validation/one_of',
  minLength: 'validation/too_short',
  maxLength: 'validation/too_long',
  arrayMinSize: 'validation/too_few',
  arrayMaxSize: 'validation/too_many',
  min: 'validation/too_small',
  max: 'validation/too_large',
  isInt: 'validation/integer',
  isNumber: 'validation/number',
  isBoolean: 'validation/boolean',
  isString: 'validation/text',
  isArray: 'validation/list',
  isObject: 'validation/object',
  nestedValidation: 'validation/object',
  whitelistValidation: 'validation/unknown_field',
  unknownValue: 'validation/object',
};

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const missing = error.value === undefined || error.value === null;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field: path,
      code:
        missing && constraint !== 'whitelistValidation'
          ? 'validation/required'
          : (CONSTRAINT_CODES[constraint] ?? 'validation/invalid'),
      message: parent ? `${parent}.${message}` : message,
    }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => invalid(flatten(errors)),
  });
}
