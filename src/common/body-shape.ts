/**
 * The most a request body (or query) may hold, whatever the route: well above what any DTO accepts
 * (the longest list a DTO takes is 500 ids, the deepest body three levels), well below what makes
 * the validators recurse or answer with one sentence per item.
 */
export const BODY_SHAPE_LIMITS = {
  /** Levels of objects and lists, the body itself being the first. */
  depth: 32,
  /** Items of any one list. */
  items: 1_000,
  /** Fields of any one object. */
  fields: 1_000,
};

export type BodyShapeLimits = typeof BODY_SHAPE_LIMITS;

export interface BodyShapeProblem {
  code: 'request/too_deep' | 'request/array_too_long' | 'request/too_many_fields';
  message: string;
  /** Where, as the validation errors name fields (`days`, `parties.0`); empty for the body itself. */
  field: string;
}

interface Visit {
  node: object;
  depth: number;
  parent: Visit | null;
  key: string;
}

function pathOf(visit: Visit): string {
  const keys: string[] = [];
  for (let v: Visit | null = visit; v?.parent; v = v.parent) keys.push(v.key);
  return keys.reverse().join('.');
}

/**
 * The first way a parsed JSON value goes beyond the limits, or null. Iterative, so that a value
 * nested thousands of levels deep costs a loop and not the stack; each container is seen once.
 */
export function bodyShapeProblem(
  value: unknown,
  limits: BodyShapeLimits = BODY_SHAPE_LIMITS,
): BodyShapeProblem | null {
  if (value === null || typeof value !== 'object') return null;
  const stack: Visit[] = [{ node: value, depth: 1, parent: null, key: '' }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { node, depth } = visit;
    if (depth > limits.depth) {
      // The top field it is under: the full path of a thousand-level value says nothing more.
      const field = pathOf(visit).split('.')[0];
      return {
        code: 'request/too_deep',
        field,
        message: `${field ? `${field} is` : 'The request is'} nested more than ${limits.depth} levels deep`,
      };
    }
    if (Array.isArray(node)) {
      if (node.length > limits.items) {
        const field = pathOf(visit);
        return {
          code: 'request/array_too_long',
          field,
          message: `${field || 'The request'} holds a list of ${node.length} items, more than the ${limits.items} a list may hold`,
        };
      }
      node.forEach((child: unknown, i) => {
        if (child !== null && typeof child === 'object') {
          stack.push({ node: child, depth: depth + 1, parent: visit, key: String(i) });
        }
      });
      continue;
    }
    const keys = Object.keys(node);
    if (keys.length > limits.fields) {
      const field = pathOf(visit);
      return {
        code: 'request/too_many_fields',
        field,
        message: `${field || 'The request'} has ${keys.length} fields, more than the ${limits.fields} an object may have`,
      };
    }
    for (const key of keys) {
      const child = (node as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') {
        stack.push({ node: child, depth: depth + 1, parent: visit, key });
      }
    }
  }
  return null;
}
