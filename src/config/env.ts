import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';

const DEV_JWT_SECRET = 'coventis-development-secret-change-me';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;

/** Every environment variable the server reads, with its default; validated once at boot. */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @Matches(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, {
    message: 'DATABASE_URL must be sqlite:PATH or a postgres:// URL',
  })
  DATABASE_URL = 'sqlite:./data/coventis.sqlite';

  @IsString()
  @MinLength(16, { message: 'JWT_SECRET must be at least 16 characters long' })
  JWT_SECRET = DEV_JWT_SECRET;

  @IsString()
  JWT_EXPIRES_IN = '12h';

  @IsOptional()
  @IsString()
  ORGANIZER_EMAIL?: string;

  @ValidateIf((env: EnvironmentVariables) => env.ORGANIZER_EMAIL !== undefined)
  @IsString({ message: 'ORGANIZER_PASSWORD must be set when ORGANIZER_EMAIL is' })
  @MinLength(8, { message: 'ORGANIZER_PASSWORD must be at least 8 characters long' })
  ORGANIZER_PASSWORD?: string;

  @IsIn(['auto', 'never'], { message: 'SEED_DEMO must be auto or never' })
  SEED_DEMO: 'auto' | 'never' = 'auto';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  REGISTRATION_RATE_LIMIT = 30;

  /** Pending meeting requests expire after this many seconds, so they stop blocking anyone. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MEETING_REQUEST_TTL_SECONDS = 7 * 24 * 3600;

  /** A stand's invitation link to a colleague works this long (and once). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  TEAM_INVITATION_TTL_SECONDS = 7 * 24 * 3600;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  MAX_PENDING_REQUESTS = 20;

  /** Open requests a person may mark important or essential: priority means little if all have it. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  MAX_PRIORITY_REQUESTS = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 256 * 1024;

  @IsOptional()
  @IsString()
  REDIS_URL?: string;

  /** Logs every SQL statement (any non-empty value but 0 or false): for finding what a route runs. */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? !['0', 'false', 'no'].includes(value.trim().toLowerCase()) : value,
  )
  @IsBoolean()
  TYPEORM_LOG_QUERIES = false;

  /** Statements slower than this many milliseconds are logged as warnings. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  TYPEORM_SLOW_QUERY_MS = 200;

  /**
   * A participant's suggestions, ranked before someone else's profile changed, are answered and
   * ranked again in the background once they are this many milliseconds old (0: at once).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(30_000)
  RECOMMENDATIONS_REFRESH_MS = 1_000;

  /**
   * How long a process trusts the user it read for a token before reading it again (0: every
   * request). A change made through this process is seen at once; one made through another
   * instance, at most this late.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  AUTH_CACHE_MS = 5_000;

  /**
   * The proxies whose X-Forwarded-For the server believes (client addresses for the rate limits):
   * addresses or CIDR ranges separated by commas, `loopback`, `uniquelocal`…, or true / false
   * (believe any, or none).
   */
  @IsString()
  TRUST_PROXY = 'loopback';

  /** The SMTP server mail goes through (smtp://user:pass@host:587, smtps://…); unset: MAIL_DIR. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Without SMTP_URL, each message is written to this folder as an .eml file instead. */
  @IsString()
  MAIL_DIR = './data/mail';

  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Coventis <no-reply@coventis.localhost>';

  /** Where the web app is, for the links in mail. */
  @Matches(/^https?:\/\/[^/]+/, { message: 'PUBLIC_URL must be an http(s):// address' })
  PUBLIC_URL = 'http://localhost:3000';

  /** How often the outbox is looked at for mail due (it is also looked at after each change). */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60_000)
  MAIL_POLL_MS = 2_000;

  /** Each party of a meeting is reminded by mail this many minutes before it starts (0: never). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(7 * 24 * 60)
  MEETING_REMINDER_MINUTES = 30;

  /**
   * A person with meeting requests waiting for their answer gets a digest of them at most once per
   * this many hours (0: never).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(24 * 30)
  MAIL_DIGEST_HOURS = 72;

  /** Each party of a meeting is asked how it went this many hours after the edition's last slot. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(30 * 24)
  FEEDBACK_AFTER_HOURS = 2;

  /**
   * A meeting whose follow-up was foreseen and that led to no convention yet is asked about again
   * ("agreement reached?") this many days after the edition ended (0: never). b2match asks after
   * about six months.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3 * 365)
  FEEDBACK_FOLLOW_UP_DAYS = 180;

  /** Attempts to send a message (the pause doubling from 5 s, at most 1 h) before it is marked failed. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  MAIL_MAX_ATTEMPTS = 12;

  /**
   * argon2id's memory per password hash, in KiB. The default is argon2's (64 MiB); OWASP's
   * minimum for argon2id, 19 MiB with 2 passes, is the floor. Existing hashes keep their own cost.
   */
  @Transform(toInt)
  @IsInt()
  @Min(19_456)
  @Max(1_048_576)
  PASSWORD_HASH_MEMORY_KIB = 65_536;

  /** argon2id's passes over that memory (time cost). */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(10)
  PASSWORD_HASH_PASSES = 3;
}

/** Reads and validates the environment; a wrong value stops start-up with a readable sentence. */
export function loadEnvironment(source: NodeJS.ProcessEnv = process.env): EnvironmentVariables {
  const defined = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ''),
  );
  const env = plainToInstance(EnvironmentVariables, defined, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false });
  if (errors.length > 0) {
    const sentences = errors.flatMap((e) => Object.values(e.constraints ?? {}));
    throw new Error(`Invalid configuration: ${sentences.join('; ')}`);
  }
  if (env.NODE_ENV === 'production' && env.JWT_SECRET === DEV_JWT_SECRET) {
    throw new Error(
      'Invalid configuration: JWT_SECRET must be set to your own secret when NODE_ENV=production',
    );
  }
  return env;
}
