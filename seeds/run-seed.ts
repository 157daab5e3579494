import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module.js';
import { loadEnvironment } from '../src/config/env.js';
import { SeedService } from '../src/seed/seed.service.js';

// `npm run seed`: loads the demo edition into DATABASE_URL (migrating it first), once.
const env = loadEnvironment();
const app = await NestFactory.createApplicationContext(
  AppModule.forRoot({ ...env, SEED_DEMO: 'never' }),
  {
    logger: ['error', 'warn'],
  },
);
const report = await app.get(SeedService).seedDemo();
console.log(
  report.created
    ? `Demo edition loaded into ${env.DATABASE_URL} (edition ${report.editionId}).`
    : `The demo edition is already in ${env.DATABASE_URL} (edition ${report.editionId}); nothing to do.`,
);
await app.close();
