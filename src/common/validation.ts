import {
  applyDecorators,
  type ArgumentMetadata,
  Param,
  ParseUUIDPipe,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
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
  IsObject,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  getMetadataStorage,
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
  if (options.nullable) {
    // null (or nothing) is a value of its own: the column is nullable.
    decorators.push(IsOptional());
  } else {
    // Absent may be fine, null never: it would reach a NOT NULL column.
    if (options.optional) decorators.push(ValidateIf((_, value) => value !== undefined));
    decorators.push(NotNull());
  }
  return applyDecorators(...decorators);
}

const NOT_NULL = 'isNotNull';

/** Refuses null, and only null (a missing value is for the field's other rules to judge). */
function NotNull(): PropertyDecorator {
  return ValidateBy({
    name: NOT_NULL,
    validator: {
      validate: (value: unknown) => value !== null,
      defaultMessage: () => '$property must not be null',
    },
  });
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

/**
 * A list of UUIDs in a query string, comma-separated (`?participantIds=a,b`) or the parameter
 * repeated; an empty list is refused (leave the parameter out instead).
 */
export function QueryIdList(options: FieldOptions & { maxItems: number }): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' || Array.isArray(value)
        ? [value]
            .flat()
            .flatMap((v: unknown) => (typeof v === 'string' ? v.split(',') : [v]))
            .map((v) => (typeof v === 'string' ? v.trim() : v))
            .filter((v) => v !== '')
        : value,
    ),
    IdList(options),
    ArrayMinSize(1),
  );
}

/** A text of a given form; `code` says which form to the client (`validation/url`…). */
export function Pattern(
  pattern: RegExp,
  message: string,
  options: FieldOptions & { max: number; code?: string },
): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: String, pattern: pattern.source, maxLength: options.max }),
    trim(),
    IsString(),
    MaxLength(options.max),
    Matches(pattern, { message, context: options.code ? { code: options.code } : undefined }),
  );
}

/**
 * A nested object, or a list of them with `each`: required unless optional, and an object where one
 * is expected (an array or a string in its place is refused, not read as an empty object).
 */
export function Nested<T>(
  type: () => new () => T,
  options: FieldOptions & { each?: boolean } = {},
): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: options.each ? [type()] : type() }),
    ...(options.each
      ? [IsArray(), IsObject({ each: true, message: 'each value in $property must be an object' })]
      : [IsObject({ message: '$property must be an object' })]),
    ValidateNested({ each: options.each }),
    Type(type),
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

/** Constraints on the type of a value: broken, they make its bounds meaningless. */
const TYPE_CONSTRAINTS = new Set(['isInt', 'isNumber', 'isString', 'isArray', 'isBoolean']);

/** The code a decorator gave its constraint (Pattern's `code`), if any. */
function contextCode(error: ValidationError, constraint: string): string | undefined {
  const code = (error.contexts?.[constraint] as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Constraints whose first argument is a bound worth telling the reader ("at least 8 characters"). */
const BOUNDED = new Set(['minLength', 'maxLength', 'arrayMinSize', 'arrayMaxSize', 'min', 'max']);

/** The bound of a broken constraint, read from the DTO's validation metadata. */
function limitOf(error: ValidationError, constraint: string): { limit?: number } {
  const target = error.target as object | undefined;
  if (!BOUNDED.has(constraint) || !target) return {};
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name ?? m.type) === constraint);
  const bound: unknown = metadata?.constraints?.[0];
  return typeof bound === 'number' ? { limit: bound } : {};
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const missing = error.value === undefined || error.value === null;
    const constraints = error.constraints ?? {};
    // A null where none is allowed says just that, not every rule a null breaks.
    // A value of the wrong type says just that, not every bound it cannot be compared with.
    const wrongType = Object.entries(constraints).filter(([c]) => TYPE_CONSTRAINTS.has(c));
    const broken = constraints[NOT_NULL]
      ? [[NOT_NULL, constraints[NOT_NULL]]]
      : wrongType.length > 0
        ? wrongType
        : Object.entries(constraints);
    const own = broken.map(([constraint, message]) => ({
      field: path,
      code:
        constraint === NOT_NULL
          ? 'validation/not_null'
          : missing && constraint !== 'whitelistValidation'
            ? 'validation/required'
            : (contextCode(error, constraint) ??
              CONSTRAINT_CODES[constraint] ??
              'validation/invalid'),
      message: parent ? `${parent}.${message}` : message,
      ...limitOf(error, constraint),
    }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** Where @nestjs/swagger keeps a class's ApiProperty options and the list of its documented fields. */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';
const API_MODEL_PROPERTIES_ARRAY = 'swagger/apiModelPropertiesArray';

/**
 * Fields of a validated DTO (and of its nested DTOs) that hold null though the class does not
 * document them as nullable. The field decorators refuse such nulls already; this catches the
 * classes they do not shape alone, such as a PartialType, whose IsOptional lets null through.
 * Only documented fields of documented classes are looked at: anything else is not a DTO.
 */
function nullsNotAllowed(value: unknown, path = ''): FieldError[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => nullsNotAllowed(item, `${path}${i}.`));
  }
  const prototype = Object.getPrototypeOf(value) as object | null;
  const documented = prototype
    ? ((Reflect.getMetadata(API_MODEL_PROPERTIES_ARRAY, prototype) as string[] | undefined) ?? [])
    : [];
  return [...new Set(documented)].flatMap((entry) => {
    const key = entry.replace(/^:/, '');
    const field = (value as Record<string, unknown>)[key];
    if (field !== null) return nullsNotAllowed(field, `${path}${key}.`);
    const options = Reflect.getMetadata(API_MODEL_PROPERTIES, prototype!, key) as
      { nullable?: boolean } | undefined;
    if (options?.nullable) return [];
    const message = `${path}${key} must not be null`;
    return [{ field: `${path}${key}`, code: 'validation/not_null', message }];
  });
}

/** The validation pipe, then a last look at bodies and queries for nulls where none is allowed. */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const result: unknown = await super.transform(value, metadata);
    if (metadata.type === 'body' || metadata.type === 'query') {
      const nulls = nullsNotAllowed(result);
      if (nulls.length > 0) throw invalid(nulls);
    }
    return result;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    // The object an error was found in, to read a broken bound (limitOf); never sent.
    validationError: { target: true },
    exceptionFactory: (errors) => invalid(flatten(errors)),
  });
}
