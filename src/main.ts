import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { loadEnvironment, type EnvironmentVariables } from './config/env.js';

let env: EnvironmentVariables;
try {
  env = loadEnvironment();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const app = await createApp(env);
await app.listen(env.PORT, env.HOST);
const { port } = app.getHttpServer().address() as { port: number };
new Logger('Coventis').log(`Listening on http://localhost:${port} (API docs at /api/docs)`);
