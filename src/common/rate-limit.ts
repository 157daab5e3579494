import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { EnvironmentVariables } from '../config/env.js';

interface LimitedRoute {
  method: string;
  url: string;
  limit: (env: EnvironmentVariables) => number;
  /** Login attempts count per address and email, so one account cannot be brute-forced. */
  byEmail?: boolean;
}

const LIMITED_ROUTES: LimitedRoute[] = [
  { method: 'POST', url: '/api/auth/login', limit: (env) => env.LOGIN_RATE_LIMIT, byEmail: true },
  {
    method: 'POST',
    url: '/api/editions/:editionId/registrations',
    limit: (env) => env.REGISTRATION_RATE_LIMIT,
  },
  // Applying to exhibit creates an account, as signing up does.
  {
    method: 'POST',
    url: '/api/editions/:editionId/applications',
    limit: (env) => env.REGISTRATION_RATE_LIMIT,
  },
  // Joining a stand with an existing account checks its password, as logging in does.
  { method: 'POST', url: '/api/invitations/:token/accept', limit: (env) => env.LOGIN_RATE_LIMIT },
];

/**
 * Per-minute limits on the public write routes that attract abuse (login, sign-up, applying,
 * joining). With Redis the counts are kept there, so a limit holds across every instance; while
 * Redis does not answer, requests go through uncounted rather than fail (health says 503 then).
 */
export async function registerRateLimits(
  app: NestFastifyApplication,
  env: EnvironmentVariables,
  redis: Redis | null,
): Promise<void> {
  const routeOf = (req: FastifyRequest) =>
    LIMITED_ROUTES.find((r) => r.method === req.method && r.url === req.routeOptions.url);
  await app.register(rateLimit, {
    global: true,
    ...(redis ? { redis, nameSpace: 'coventis:rate-limit:', skipOnError: true } : {}),
    // After body parsing, so that the login key can include the email.
    hook: 'preHandler',
    timeWindow: 60_000,
    allowList: (req) => routeOf(req) === undefined,
    max: (req) => routeOf(req)?.limit(env) ?? 0,
    keyGenerator: (req) => {
      const route = routeOf(req);
      const body = req.body as { email?: unknown } | undefined;
      const email =
        route?.byEmail && typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
      return `${route?.url ?? ''}|${req.ip}|${email}`;
    },
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'request/rate_limited',
      message: `Too many attempts: try again in ${context.after}`,
    }),
  });
}
