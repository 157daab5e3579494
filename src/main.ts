import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from './app.factory.js';
import { loadEnvironment, type EnvironmentVariables } from './config/env.js';
import { databaseProblem } from './database/preflight.js';

let env: EnvironmentVariables;
try {
  env = loadEnvironment();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
// A database that cannot be opened or written stops start-up at once, with one sentence saying why.
const problem = databaseProblem(env.DATABASE_URL);
if (problem) {
  console.error(problem);
  process.exit(1);
}
let app: NestFastifyApplication;
try {
  app = await createApp(env);
} catch (error) {
  console.error(`Cannot start: ${(error as Error).message}`);
  process.exit(1);
}
await app.listen(env.PORT, env.HOST);
const { port } = app.getHttpServer().address() as { port: number };
new Logger('Coventis').log(`Listening on http://localhost:${port} (API docs at /api/docs)`);
