import fc from 'fast-check';
import { PASSWORD } from './support/app.js';
import {
  as,
  liveEditionBody,
  TestSession,
  type EditionInfo,
  type ExhibitorInfo,
  type VisitorInfo,
} from './support/session.js';

/**
 * Every operation of the OpenAPI document, called with malformed variants of a plausible request
 * (wrong types, nulls, missing and unknown fields, deep nesting, huge strings and lists, bad ids in
 * the path, bad query values, odd bodies and content types), as a role the route lets through:
 * none may answer 5xx. Seeded, so the same requests are sent each time.
 */
const SEED = 20_260_516;
const RUNS_PER_OPERATION = 20;

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
        requestBody?: { content: Record<string, { schema: Schema }> };
      }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Operation {
  method: Method;
  /** As in the document: /api/editions/{editionId} */
  path: string;
  pathParams: string[];
  query: { name: string; required: boolean; schema: Schema }[];
  body: Schema | null;
}

/** What is sent; `text` undefined means no body at all. */
interface Call {
  op: Operation;
  pathValues: Record<string, string>;
  query: [string, string][];
  text: string | undefined;
  contentType: string;
  what: string;
}

/** One change to the plausible request. */
type Mutation =
  | { kind: 'set'; field: string; value: unknown; what: string }
  | { kind: 'delete'; field: string }
  | { kind: 'unknown'; field: string; value: unknown }
  | { kind: 'splice'; field: string; text: string; what: string }
  | { kind: 'body'; text: string | undefined; what: string }
  | { kind: 'contentType'; value: string }
  | { kind: 'path'; param: string; value: string }
  | { kind: 'query'; name: string; values: string[] };

const NIL_UUID = '00000000-0000-4000-8000-000000000000';

describe('fuzzing every operation of the API', () => {
  let s: TestSession;
  let edition: EditionInfo;
  let spare: EditionInfo;
  let a: ExhibitorInfo;
  let b: ExhibitorInfo;
  let c: ExhibitorInfo;
  let visitor: VisitorInfo;
  let requestedMeeting: string;
  let scheduledMeeting: string;
  let conventionId: string;
  let doc: OpenApi;

  beforeAll(async () => {
    s = await TestSession.start();
    const org = as(s.http, s.organizerToken);
    edition = (await org.post('/api/editions', liveEditionBody()).expect(201)).body as EditionInfo;
    spare = await s.createEdition({ name: 'Spare edition, changed by the fuzzer' });
    a = await s.onboardExhibitor(edition.id);
    b = await s.onboardExhibitor(edition.id);
    c = await s.onboardExhibitor(edition.id);
    visitor = await s.registerVisitor(edition.id);
    const scheduled = await as(s.http, a.token)
      .post(`/api/editions/${edition.id}/meetings`, { toParticipantId: b.participantId })
      .expect(201);
    await as(s.http, b.token)
      .post(`/api/meetings/${scheduled.body.id}/accept`, { slotId: edition.slots[0].id })
      .expect(200);
    scheduledMeeting = scheduled.body.id;
    const requested = await as(s.http, c.token)
      .post(`/api/editions/${edition.id}/meetings`, { toParticipantId: b.participantId })
      .expect(201);
    requestedMeeting = requested.body.id;
    const convention = await as(s.http, a.token)
      .post('/api/conventions', {
        editionId: edition.id,
        title: 'Convention under fuzz',
        kind: 'supply',
        parties: [
          { organizationId: a.organizationId, role: 'buyer' },
          { organizationId: b.organizationId, role: 'supplier' },
        ],
      })
      .expect(201);
    conventionId = convention.body.id;
    doc = (await s.http.get('/api/docs-json').expect(200)).body as OpenApi;
  });
  afterAll(() => s.close());

  it('answers no 5xx to malformed requests, on every operation', async () => {
    const operations = operationsOf(doc);
    const tokens = [s.organizerToken, a.token, b.token, visitor.token];
    const byClass: Record<string, number> = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
    const byStatus: Record<number, number> = {};
    const failures: string[] = [];
    let sent = 0;
    const send = async (call: Call, token: string): Promise<number> => {
      const status = await perform(s.testApp.url, call, token);
      sent++;
      byClass[`${Math.floor(status / 100)}xx`] =
        (byClass[`${Math.floor(status / 100)}xx`] ?? 0) + 1;
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      if (status >= 500) failures.push(`${status} ${describeCall(call)}`);
      return status;
    };

    for (const [index, op] of operations.entries()) {
      const base = plausible(op);
      // The first role the route lets through with a plausible request (parties come after organizers).
      let token = tokens[0];
      for (const candidate of tokens) {
        const status = await send({ ...base, what: 'plausible' }, candidate);
        if (status !== 401 && status !== 403) {
          token = candidate;
          break;
        }
      }
      for (const call of [...classicCases(op, base), ...fuzzedCases(op, base, index)]) {
        await send(call, token);
      }
    }

    const summary = {
      operations: operations.length,
      requests: sent,
      byClass,
      byStatus,
      fiveHundreds: failures.length,
    };
    console.log(`Fuzz figures: ${JSON.stringify(summary)}`);
    expect(failures).toEqual([]);
    // Every operation of the document was called, and the server is still well.
    expect(operations.length).toBeGreaterThanOrEqual(40);
    await s.http.get('/api/health').expect(200);
  }, 600_000);

  // ---------------------------------------------------------------- the plausible request

  /** A value of the path parameter that exists, or the nil UUID for one this test does not know. */
  function pathValue(op: Operation, name: string): string {
    const grid = /^\/api\/editions\/\{editionId\}(\/slots\/\{slotId\})?$/.test(op.path);
    switch (name) {
      case 'editionId':
        // The grid-changing routes get an edition of their own, so the others keep their slots.
        return grid && op.method === 'patch' ? spare.id : edition.id;
      case 'slotId':
        return spare.slots[1].id;
      case 'meetingId':
        return /\/(accept|decline)$/.test(op.path) ? requestedMeeting : scheduledMeeting;
      case 'conventionId':
        return conventionId;
      case 'organizationId':
        return a.organizationId;
      case 'exhibitorId':
        return a.id;
      case 'participantId':
        return visitor.participantId;
      default:
        return NIL_UUID;
    }
  }

  let emails = 0;

  /** A plausible value of a field, for its name and schema (real ids where the API wants them). */
  function sample(schema: Schema, name = '', depth = 0): unknown {
    const resolved = resolve(schema);
    if (resolved.enum) return resolved.enum[0];
    switch (name) {
      case 'editionId':
        return edition.id;
      case 'toParticipantId':
      case 'with':
        return b.participantId;
      case 'slotId':
        return edition.slots[1].id;
      case 'blockedSlotIds':
        return [edition.slots[2].id];
      case 'meetingIds':
        return [];
      case 'participantId':
        return visitor.participantId;
      case 'organizationId':
        return a.organizationId;
      case 'badgeCode':
        return visitor.badgeCode;
      case 'refineSeconds':
        return 0;
    }
    if (resolved.example !== undefined && depth > 0) return resolved.example;
    switch (resolved.type) {
      case 'string':
        if (resolved.format === 'uuid') return NIL_UUID;
        if (resolved.format === 'date-time') return '2027-05-19T10:00:00+02:00';
        if (resolved.format === 'email') return `fuzz-${++emails}@test.example`;
        if (resolved.format === 'password') return PASSWORD;
        if (resolved.example !== undefined) return resolved.example;
        return 'x'.repeat(Math.max(1, resolved.minLength ?? 1));
      case 'number':
      case 'integer':
        return typeof resolved.example === 'number' ? resolved.example : (resolved.minimum ?? 0);
      case 'boolean':
        return false;
      case 'array':
        if (Array.isArray(resolved.example)) return resolved.example;
        return resolved.items && depth < 4 ? [sample(resolved.items, '', depth + 1)] : [];
      default:
        if (!resolved.properties || depth >= 4) return {};
        return Object.fromEntries(
          Object.entries(resolved.properties).map(([key, sub]) => [
            key,
            sample(sub, key, depth + 1),
          ]),
        );
    }
  }

  function plausible(op: Operation): Omit<Call, 'what'> {
    const pathValues = Object.fromEntries(op.pathParams.map((p) => [p, pathValue(op, p)]));
    const query = op.query
      .filter((q) => q.required)
      .map((q): [string, string] => [q.name, String(sample(q.schema, q.name))]);
    const body = op.body ? sample(op.body) : undefined;
    return {
      op,
      pathValues,
      query,
      text: body === undefined ? (op.method === 'get' ? undefined : '{}') : JSON.stringify(body),
      contentType: 'application/json',
    };
  }

  function resolve(schema: Schema): Schema {
    if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').pop()!]);
    if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
    return schema;
  }

  /** Field paths of a body schema (`organization.name`, `days.0.date`), three levels at most. */
  function fieldsOf(schema: Schema | null, prefix = '', depth = 0): string[] {
    if (!schema || depth > 2) return [];
    const resolved = resolve(schema);
    if (resolved.type === 'array' && resolved.items) {
      return fieldsOf(resolved.items, `${prefix}0.`, depth + 1);
    }
    return Object.entries(resolved.properties ?? {}).flatMap(([key, sub]) => [
      `${prefix}${key}`,
      ...fieldsOf(sub, `${prefix}${key}.`, depth + 1),
    ]);
  }

  function requiredOf(schema: Schema | null): string[] {
    return schema ? (resolve(schema).required ?? []) : [];
  }

  // ---------------------------------------------------------------- the malformed requests

  /** The cases of the issue, on every operation that takes a body or a path parameter. */
  function classicCases(op: Operation, base: Omit<Call, 'what'>): Call[] {
    const cases: Mutation[][] = [];
    if (op.method !== 'get') {
      cases.push(
        [{ kind: 'body', text: undefined, what: 'no body' }],
        [{ kind: 'body', text: 'null', what: 'null' }],
        [{ kind: 'body', text: '{}', what: '{}' }],
        [{ kind: 'body', text: '[]', what: '[]' }],
        [{ kind: 'body', text: '"text"', what: 'a string' }],
        [{ kind: 'body', text: '{"a":', what: 'broken JSON' }],
        [{ kind: 'body', text: deepText(5_000, '{'), what: 'an object 5,000 levels deep' }],
        [{ kind: 'body', text: `[${Array(100_000).fill('0').join(',')}]`, what: '100,000 items' }],
        [{ kind: 'contentType', value: 'text/plain' }],
      );
      for (const field of fieldsOf(op.body).filter((f) => !f.includes('.'))) {
        cases.push(
          [{ kind: 'set', field, value: null, what: 'null' }],
          [
            {
              kind: 'splice',
              field,
              text: `[${Array(50_000).fill('0').join(',')}]`,
              what: 'a 50,000-item list',
            },
          ],
        );
      }
      for (const field of requiredOf(op.body)) cases.push([{ kind: 'delete', field }]);
      cases.push([{ kind: 'unknown', field: 'unexpected', value: true }]);
    }
    for (const param of op.pathParams) {
      cases.push([{ kind: 'path', param, value: 'not-a-uuid' }]);
    }
    return cases.map((mutations) => apply(base, mutations));
  }

  /** RUNS_PER_OPERATION requests of one to three random mutations each, from the operation's seed. */
  function fuzzedCases(op: Operation, base: Omit<Call, 'what'>, index: number): Call[] {
    const fields = fieldsOf(op.body);
    const required = requiredOf(op.body);
    const kinds: fc.Arbitrary<Mutation>[] = [];
    if (fields.length > 0) {
      const field = fc.constantFrom(...fields);
      kinds.push(
        fc.record({
          kind: fc.constant('set' as const),
          field,
          value: oddValue(),
          what: fc.constant('odd value'),
        }),
        fc.record({
          kind: fc.constant('set' as const),
          field,
          value: fc.constant(null),
          what: fc.constant('null'),
        }),
        fc.record({ kind: fc.constant('splice' as const), field, ...bulky() }),
      );
    }
    if (required.length > 0) {
      kinds.push(
        fc.record({ kind: fc.constant('delete' as const), field: fc.constantFrom(...required) }),
      );
    }
    if (op.method !== 'get') {
      kinds.push(
        fc.record({
          kind: fc.constant('unknown' as const),
          field: fc.oneof(
            fc.constantFrom('__proto__', 'constructor', 'prototype', 'role', 'id', ''),
            fc.string({ maxLength: 20 }),
            ...(fields.length > 0 ? [fc.constantFrom(...fields).map((f) => `${f}.extra`)] : []),
          ),
          value: oddValue(),
        }),
        fc.record({
          kind: fc.constant('body' as const),
          text: fc.oneof(
            fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
            fc.string({ maxLength: 40 }),
            fc.constant(undefined),
          ),
          what: fc.constant('another body'),
        }),
        fc.record({
          kind: fc.constant('contentType' as const),
          value: fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/json; charset=latin1',
            'application/octet-stream',
          ),
        }),
      );
    }
    if (op.pathParams.length > 0) {
      kinds.push(
        fc.record({
          kind: fc.constant('path' as const),
          param: fc.constantFrom(...op.pathParams),
          value: fc.oneof(
            fc.constantFrom(
              'not-a-uuid',
              NIL_UUID,
              '00000000-0000-0000-0000-000000000000',
              'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
              `${NIL_UUID}x`,
              '%00',
              '..',
              '-1',
              '1e9999',
              "' OR 1=1 --",
              'x'.repeat(5_000),
            ),
            fc.uuid(),
            fc.string({ minLength: 1, maxLength: 60 }),
          ),
        }),
      );
    }
    const queryNames = [...op.query.map((q) => q.name), 'unexpected'];
    kinds.push(
      fc.record({
        kind: fc.constant('query' as const),
        name: fc.constantFrom(...queryNames),
        values: fc.array(
          fc.oneof(
            fc.constantFrom('', '-1', '0', '1.5', '1e309', 'NaN', 'null', '[]', '{}', 'true'),
            fc.string({ maxLength: 30 }),
            fc.integer().map(String),
            fc.constant('x'.repeat(10_000)),
          ),
          { minLength: 1, maxLength: 3 },
        ),
      }),
    );
    const arbitrary = fc.array(fc.oneof(...kinds), { minLength: 1, maxLength: 3 });
    return fc
      .sample(arbitrary, { seed: SEED + index, numRuns: RUNS_PER_OPERATION })
      .map((mutations) => apply(base, mutations));
  }

  /** A value of the wrong kind for most fields. */
  function oddValue(): fc.Arbitrary<unknown> {
    return fc.oneof(
      fc.constantFrom(
        '',
        ' ',
        0,
        -1,
        1.5,
        2 ** 53 + 2,
        1e308,
        true,
        false,
        {},
        [],
        [null],
        [[]],
        { a: 1 },
        '2027-02-30T25:61:00Z',
        NIL_UUID,
        '\u0000',
        '🙂'.repeat(300),
        'x'.repeat(6_000),
      ),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.string({ maxLength: 50 }),
      fc.array(fc.string({ maxLength: 10 }), { maxLength: 30 }),
      fc.jsonValue({ maxDepth: 3 }),
    );
  }

  /** Nesting and sizes around and beyond the limits, spliced in as JSON text. */
  function bulky() {
    return {
      text: fc.oneof(
        fc.integer({ min: 2, max: 6_000 }).map((depth) => deepText(depth, '{')),
        fc.integer({ min: 2, max: 6_000 }).map((depth) => deepText(depth, '[')),
        fc.integer({ min: 1, max: 120_000 }).map(
          (n) =>
            `[${Array(n)
              .fill(n <= 2_000 ? '{"a":1}' : '0')
              .join(',')}]`,
        ),
        fc.integer({ min: 1, max: 300_000 }).map((n) => JSON.stringify('x'.repeat(n))),
        fc
          .integer({ min: 1, max: 5_000 })
          .map((n) => `{${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(',')}}`),
      ),
      what: fc.constant('bulky value'),
    };
  }
});

/** JSON text nested `depth` levels deep: {"a":{"a":…}} or [[…]]. */
function deepText(depth: number, open: '{' | '['): string {
  return open === '{'
    ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

function operationsOf(doc: OpenApi): Operation[] {
  const methods: Method[] = ['get', 'post', 'put', 'patch', 'delete'];
  return Object.entries(doc.paths)
    .sort(([x], [y]) => x.localeCompare(y))
    .flatMap(([path, item]) =>
      methods
        .filter((m) => item[m])
        .map((method): Operation => {
          const op = item[method];
          const parameters = op.parameters ?? [];
          return {
            method,
            path,
            pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
            query: parameters
              .filter((p) => p.in === 'query')
              .map((p) => ({ name: p.name, required: !!p.required, schema: p.schema ?? {} })),
            body: op.requestBody?.content['application/json']?.schema ?? null,
          };
        }),
    );
}

/** The plausible request with the mutations applied, in order. */
function apply(base: Omit<Call, 'what'>, mutations: Mutation[]): Call {
  const pathValues = { ...base.pathValues };
  let query = [...base.query];
  let contentType = base.contentType;
  let body: unknown = base.text === undefined ? undefined : JSON.parse(base.text);
  let replaced: { text: string | undefined } | null = null;
  const splices = new Map<string, string>();
  const what: string[] = [];
  for (const m of mutations) {
    switch (m.kind) {
      case 'set':
      case 'splice': {
        const marker = `\u0001splice${splices.size}\u0001`;
        if (m.kind === 'splice') splices.set(JSON.stringify(marker), m.text);
        body = setAt(body, m.field.split('.'), m.kind === 'splice' ? marker : m.value);
        what.push(`${m.field}: ${m.what}`);
        break;
      }
      case 'delete':
        body = deleteAt(body, m.field.split('.'));
        what.push(`${m.field} missing`);
        break;
      case 'unknown':
        body = setAt(body, m.field.split('.'), m.value);
        what.push(`unknown ${JSON.stringify(m.field)}`);
        break;
      case 'body':
        replaced = { text: m.text };
        what.push(`body: ${m.what}`);
        break;
      case 'contentType':
        contentType = m.value;
        what.push(`content-type ${m.value}`);
        break;
      case 'path':
        pathValues[m.param] = m.value;
        what.push(`${m.param}=${JSON.stringify(m.value.slice(0, 40))}`);
        break;
      case 'query':
        query = [
          ...query.filter(([name]) => name !== m.name),
          ...m.values.map((v): [string, string] => [m.name, v]),
        ];
        what.push(`?${m.name}=${JSON.stringify(m.values.map((v) => v.slice(0, 20)))}`);
        break;
    }
  }
  let text = replaced ? replaced.text : body === undefined ? undefined : JSON.stringify(body);
  if (text !== undefined) {
    for (const [marker, json] of splices) text = text.split(marker).join(json);
  }
  // The batch scheduler's refinement runs for the seconds asked on purpose: not here.
  if (base.op.path.endsWith('/schedule') && text !== undefined) {
    text = text.replace(
      /"refineSeconds":\s*([1-9]\d*(\.\d+)?|0\.\d*[1-9]\d*)/g,
      '"refineSeconds":0',
    );
  }
  return { ...base, pathValues, query, contentType, text, what: what.join(', ') };
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return value !== null && typeof value === 'object';
}

/** `root` with `value` at `keys`, containers made on the way; `__proto__` stays a plain key. */
function setAt(root: unknown, keys: string[], value: unknown): unknown {
  const top = isContainer(root) ? root : {};
  let node: Record<string, unknown> = top as Record<string, unknown>;
  keys.forEach((key, i) => {
    const last = i === keys.length - 1;
    const existing = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
    const next = last
      ? value
      : isContainer(existing)
        ? existing
        : /^\d+$/.test(keys[i + 1])
          ? []
          : {};
    Object.defineProperty(node, key, {
      value: next,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    node = next as Record<string, unknown>;
  });
  return top;
}

function deleteAt(root: unknown, keys: string[]): unknown {
  let node: unknown = root;
  for (const key of keys.slice(0, -1)) {
    if (!isContainer(node)) return root;
    node = (node as Record<string, unknown>)[key];
  }
  if (isContainer(node)) delete (node as Record<string, unknown>)[keys.at(-1)!];
  return root;
}

function urlOf(call: Call): string {
  const path = call.op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(call.pathValues[name]),
  );
  const query = call.query
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}

function describeCall(call: Call): string {
  return `${call.op.method.toUpperCase()} ${call.op.path} (${call.what || 'plausible'})`;
}

async function perform(base: string, call: Call, token: string): Promise<number> {
  const withBody = call.op.method !== 'get' && call.text !== undefined;
  const res = await fetch(`${base}${urlOf(call)}`, {
    method: call.op.method.toUpperCase(),
    headers: {
      authorization: `Bearer ${token}`,
      ...(withBody ? { 'content-type': call.contentType } : {}),
    },
    body: withBody ? call.text : undefined,
  });
  await res.arrayBuffer();
  return res.status;
}
