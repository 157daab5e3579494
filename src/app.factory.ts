import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import { registerRateLimits } from './common/rate-limit.js';
import { EnvironmentVariables, loadEnvironment } from './config/env.js';

/** Builds the application exactly as production runs it; `main.ts` and the e2e tests share it. */
export async function createApp(
  env: EnvironmentVariables = loadEnvironment(),
  options: { logger?: false } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: env.BODY_LIMIT_BYTES, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(env), adapter, {
    logger: options.logger,
  });
  app.setGlobalPrefix('api');
  app.useWebSocketAdapter(new IoAdapter(app));
  await registerRateLimits(app, env);
  app.enableShutdownHooks();
  await app.register(helmet, {
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
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
