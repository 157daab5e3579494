import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module.js';
import { loadEnvironment } from '../src/config/env.js';
import { generateSyntheticEdition } from './synthetic.js';

// `npm run seed:synthetic -- [exhibitors] [visitors]`: a full-size edition in DATABASE_URL, for benchmarks.
const [exhibitors = '140', visitors = '5000'] = process.argv.slice(2);
const env = loadEnvironment();
const app = await NestFactory.createApplicationContext(
  AppModule.forRoot({ ...env, SEED_DEMO: 'never' }),
  {
    logger: ['error', 'warn'],
  },
);
const started = performance.now();
const result = await generateSyntheticEdition(app, {
  exhibitors: Number(exhibitors),
  visitors: Number(visitors),
  seed: Date.now() % 100000,
});
console.log(
  JSON.stringify({
    editionId: result.editionId,
    exhibitors: result.exhibitorEmails.length,
    visitors: result.visitorEmails.length,
    password: result.password,
    firstVisitor: result.visitorEmails[0],
    ms: Math.round(performance.now() - started),
  }),
);
await app.close();
