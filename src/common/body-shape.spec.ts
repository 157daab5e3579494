import { bodyShapeProblem } from './body-shape.js';

const nest = (depth: number, inner: unknown = 1) => {
  let value = inner;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

describe('body shape', () => {
  it('lets through what the DTOs take', () => {
    expect(bodyShapeProblem(undefined)).toBeNull();
    expect(bodyShapeProblem('text')).toBeNull();
    expect(
      bodyShapeProblem({ days: [{ date: '2027-05-19' }], ids: Array(1_000).fill('x') }),
    ).toBeNull();
    expect(bodyShapeProblem(nest(31))).toBeNull();
  });

  it('names the field nested too deep, without recursing (100,000 levels)', () => {
    expect(bodyShapeProblem({ ok: 1, deep: nest(32) })).toEqual({
      code: 'request/too_deep',
      field: 'deep',
      message: 'deep is nested more than 32 levels deep',
    });
    let list: unknown = [];
    for (let i = 0; i < 100_000; i++) list = [list];
    expect(bodyShapeProblem(list)?.code).toBe('request/too_deep');
  });

  it('names the list too long and the object with too many fields, by their path', () => {
    expect(bodyShapeProblem({ a: [{ b: Array(1_001).fill(0) }] })).toEqual({
      code: 'request/array_too_long',
      field: 'a.0.b',
      message: 'a.0.b holds a list of 1001 items, more than the 1000 a list may hold',
    });
    expect(bodyShapeProblem(Array(1_001).fill(0))?.message).toBe(
      'The request holds a list of 1001 items, more than the 1000 a list may hold',
    );
    const wide = Object.fromEntries(Array.from({ length: 1_001 }, (_, i) => [`k${i}`, i]));
    expect(bodyShapeProblem({ profile: wide })).toMatchObject({
      code: 'request/too_many_fields',
      field: 'profile',
    });
  });
});
