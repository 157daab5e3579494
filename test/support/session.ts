import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent.js';
import { ORGANIZER, PASSWORD, startApp, type TestServer } from './app.js';

export interface EditionInfo {
  id: string;
  slots: { id: string; startsAt: string; endsAt: string; day: number; kind: string }[];
  days?: { date: string; start: string; end: string }[];
}

export interface ExhibitorInfo {
  id: string;
  participantId: string;
  organizationId: string;
  email: string;
  token: string;
}

export interface VisitorInfo {
  participantId: string;
  badgeCode: string;
  email: string;
  token: string;
}

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${randomUUID().slice(0, 8)}`;

export function editionBody(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Coventis test edition',
    city: 'Montpellier',
    venue: 'Le Corum',
    timezone: 'Europe/Paris',
    slotMinutes: 30,
    breakMinutes: 0,
    tables: 5,
    days: [{ date: '2027-05-19', start: '09:00', end: '12:00' }],
    ...overrides,
  };
}

export function exhibitorBody(
  overrides: {
    organization?: Record<string, unknown>;
    contact?: Record<string, unknown>;
    stand?: string;
  } = {},
) {
  return {
    organization: {
      name: unique('Structure'),
      legalForm: 'scop',
      sectors: ['alimentation'],
      department: '34',
      city: 'Montpellier',
      description: 'Une structure de test.',
      offers: ['Produits locaux'],
      needs: ['Débouchés'],
      ...overrides.organization,
    },
    stand: overrides.stand ?? 'A01',
    contact: {
      firstName: 'Jeanne',
      lastName: 'Contact',
      email: `${unique('contact')}@test.example`,
      password: PASSWORD,
      ...overrides.contact,
    },
  };
}

export function visitorBody(overrides: Record<string, unknown> = {}) {
  return {
    firstName: 'Paul',
    lastName: 'Visiteur',
    email: `${unique('visitor')}@test.example`,
    password: PASSWORD,
    category: 'professional',
    organizationName: 'Mairie de Lunel',
    ...overrides,
  };
}

/** An app plus logged-in users per role, created through the real HTTP API. */
export class TestSession {
  private constructor(
    readonly testApp: TestServer,
    readonly organizerToken: string,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<TestSession> {
    return TestSession.on(await startApp(env));
  }

  /** A session on a server already running, such as several processes behind a proxy. */
  static async on(testApp: TestServer, organizer = ORGANIZER): Promise<TestSession> {
    const token = await login(testApp.http, organizer.email, organizer.password);
    return new TestSession(testApp, token);
  }

  get http(): TestAgent {
    return this.testApp.http;
  }

  close(): Promise<void> {
    return this.testApp.close();
  }

  async createEdition(overrides: Record<string, unknown> = {}): Promise<EditionInfo> {
    const res = await this.http
      .post('/api/editions')
      .auth(this.organizerToken, { type: 'bearer' })
      .send(editionBody(overrides));
    expectStatus(res, 201);
    return res.body as EditionInfo;
  }

  async onboardExhibitor(
    editionId: string,
    overrides: Parameters<typeof exhibitorBody>[0] = {},
  ): Promise<ExhibitorInfo> {
    const body = exhibitorBody(overrides);
    const res = await this.http
      .post(`/api/editions/${editionId}/exhibitors`)
      .auth(this.organizerToken, { type: 'bearer' })
      .send(body);
    expectStatus(res, 201);
    const token = await login(this.http, body.contact.email, body.contact.password);
    return {
      ...(res.body as Omit<ExhibitorInfo, 'email' | 'token'>),
      email: body.contact.email,
      token,
    };
  }

  async registerVisitor(
    editionId: string,
    overrides: Record<string, unknown> = {},
  ): Promise<VisitorInfo> {
    const body = visitorBody(overrides);
    const res = await this.http.post(`/api/editions/${editionId}/registrations`).send(body);
    expectStatus(res, 201);
    const { participantId, badgeCode, accessToken } = res.body as {
      participantId: string;
      badgeCode: string;
      accessToken: string;
    };
    return { participantId, badgeCode, email: body.email, token: accessToken };
  }
}

export async function login(http: TestAgent, email: string, password: string): Promise<string> {
  const res = await http.post('/api/auth/login').send({ email, password });
  expectStatus(res, 200);
  return (res.body as { accessToken: string }).accessToken;
}

/** Fails with the response body in the message, which says far more than the status alone. */
export function expectStatus(res: { status: number; body: unknown }, status: number): void {
  if (res.status !== status) {
    throw new Error(`Expected HTTP ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
}

/**
 * An edition whose first slot is in progress right now and whose other slots are still to come:
 * meetings can be booked in it and their attendance recorded at once. Its zone is picked so that
 * local time is around noon, whatever the hour the tests run.
 */
export function liveEditionBody(overrides: Record<string, unknown> = {}) {
  const now = new Date();
  const offset = 12 - now.getUTCHours();
  const timezone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
  const local = new Date(now.getTime() + offset * 3600_000);
  const start = new Date(local.getTime() - 10 * 60_000);
  const hhmm = (d: Date) => d.toISOString().slice(11, 16);
  return editionBody({
    name: 'Live edition',
    timezone,
    slotMinutes: 30,
    breakMinutes: 0,
    tables: 3,
    days: [
      {
        date: start.toISOString().slice(0, 10),
        start: hhmm(start),
        end: hhmm(new Date(start.getTime() + 120 * 60_000)),
      },
    ],
    ...overrides,
  });
}

/** A bearer-authenticated call, for brevity in specs. */
export function as(http: TestAgent, token: string) {
  return {
    get: (url: string) => http.get(url).auth(token, { type: 'bearer' }),
    post: (url: string, body: object = {}) =>
      http.post(url).auth(token, { type: 'bearer' }).send(body),
    put: (url: string, body: object = {}) =>
      http.put(url).auth(token, { type: 'bearer' }).send(body),
    patch: (url: string, body: object = {}) =>
      http.patch(url).auth(token, { type: 'bearer' }).send(body),
  };
}
