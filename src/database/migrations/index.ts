import { Foundation1763900000000 } from './1763900000000-Foundation.js';

/** Every migration, in order; run at start-up. */
export const MIGRATIONS = [Foundation1763900000000];
