import { loadEnvironment } from './env.js';

describe('environment', () => {
  it('has working defaults', () => {
    const env = loadEnvironment({});
    expect(env).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'sqlite:./data/coventis.sqlite',
      SEED_DEMO: 'auto',
    });
  });

  it('reads numbers and URLs from strings', () => {
    const env = loadEnvironment({
      PORT: '8080',
      DATABASE_URL: 'postgres://coventis@db/coventis',
      MAX_PENDING_REQUESTS: '5',
    });
    expect(env).toMatchObject({
      PORT: 8080,
      DATABASE_URL: 'postgres://coventis@db/coventis',
      MAX_PENDING_REQUESTS: 5,
    });
  });

  it('stops start-up with a sentence naming each wrong variable', () => {
    expect(() => loadEnvironment({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(
      /^Invalid configuration: .*PORT must be an integer number.*DATABASE_URL must be sqlite:PATH or a postgres:\/\/ URL/,
    );
    expect(() => loadEnvironment({ ORGANIZER_EMAIL: 'boss@example.org' })).toThrow(
      'ORGANIZER_PASSWORD must be set when ORGANIZER_EMAIL is',
    );
  });

  it('refuses the development JWT secret in production', () => {
    expect(() => loadEnvironment({ NODE_ENV: 'production' })).toThrow(
      'JWT_SECRET must be set to your own secret when NODE_ENV=production',
    );
    expect(
      loadEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'a-long-secret-of-our-own-42' })
        .NODE_ENV,
    ).toBe('production');
  });
});
