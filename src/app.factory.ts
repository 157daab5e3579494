import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { RedisIoAdapter } from './realtime/redis-io.adapter.js';
import { RedisConnection } from './redis/redis-connection.js';
import helmet from 'helmet';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import { bodyShapeProblem } from './common/body-shape.js';
import { badRequestShape } from './common/errors.js';
import { registerRateLimits } from './common/rate-limit.js';
import { EnvironmentVariables, loadEnvironment } from './config/env.js';

/** Builds the application exactly as production runs it; `main.ts` and the e2e tests share it. */
export async function createApp(
  env: EnvironmentVariables = loadEnvironment(),
  options: { logger?: false } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: trustProxy(env.TRUST_PROXY),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(env), adapter, {
    logger: options.logger,
    // A failure while starting is thrown to the caller (main.ts says why and exits 1), not an abort.
    abortOnError: false,
  });
  app.setGlobalPrefix('api');
  refuseOversizedShapes(app);
  const redis = app.get(RedisConnection).client;
  app.useWebSocketAdapter(redis ? new RedisIoAdapter(app, redis) : new IoAdapter(app));
  await registerRateLimits(app, env, redis);
  app.enableShutdownHooks();
  securityHeaders(app);
  const config = new DocumentBuilder()
    .setTitle('Coventis API')
    .setDescription(
      'Business convention of the social and solidarity economy: catalogue, registration, B2B meetings, conventions.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, config), {
    jsonDocumentUrl: 'api/docs-json',
  });
  await serveWebApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/**
 * helmet's headers on every response. The middleware is built once: `@fastify/helmet` rebuilt it
 * on every request (about 3 % of the server's CPU while booking).
 */
function securityHeaders(app: NestFastifyApplication): void {
  const headers = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI at /api/docs needs inline styles and scripts.
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
      },
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      headers(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
    });
}

/**
 * Bodies and queries nested too deep or with lists too long are a 400 before any validator walks
 * them (they recurse): `request/too_deep`, `request/array_too_long`, `request/too_many_fields`. A
 * body over BODY_LIMIT_BYTES is a 413 earlier still, from the parser.
 */
function refuseOversizedShapes(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preValidation', (request, _reply, done) => {
      const problem = bodyShapeProblem(request.body) ?? bodyShapeProblem(request.query);
      done(problem ? badRequestShape(problem) : undefined);
    });
}

/** The built front end (`web/dist`, from `dist/src/` or `src/`), when there is one. */
const WEB_ROOTS = ['../../web/dist', '../web/dist'].map((p) =>
  fileURLToPath(new URL(p, import.meta.url)),
);

/**
 * Serves the single-page app at `/`: its files as they are, and `index.html` for any other
 * path outside `/api`, so that a deep link (`/exhibitors/…`) survives a reload. Unknown `/api`
 * paths still get the API's own 404.
 */
async function serveWebApp(app: NestFastifyApplication): Promise<void> {
  const root = WEB_ROOTS.find((dir) => existsSync(`${dir}/index.html`));
  if (!root) return;
  // wildcard: false lists the files once at start-up (no file-system look-up per request), so a
  // rebuilt front end needs a restart.
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    // The build writes .br and .gz beside each asset: a poor venue network gets them compressed.
    preCompressed: true,
    // Hashed asset names never change content: cache them for a year; index.html is revalidated.
    setHeaders: (reply, file) => {
      reply.header(
        'cache-control',
        file.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request, reply) => {
      const path = request.url.split('?')[0];
      // An API path or a missing asset is a 404, never the page (a stale script must not get HTML).
      if (path === '/api' || /^\/(api|assets|socket\.io)\//.test(path)) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
}

/** TRUST_PROXY as Fastify takes it: true, false, or a list of addresses and ranges. */
function trustProxy(value: string): boolean | string[] {
  const text = value.trim().toLowerCase();
  if (text === 'true') return true;
  if (text === 'false' || text === '') return false;
  return value.split(',').map((item) => item.trim());
}
