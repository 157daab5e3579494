import { randomInt } from 'node:crypto';

// No 0/O or 1/I/L: a badge code is read aloud and typed at the door.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A random badge code such as `CVT-7KQ4-M9XZ` (31^8 ≈ 8.5e11 possibilities). */
export function newBadgeCode(): string {
  const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `CVT-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

export function normalizeBadgeCode(input: string): string {
  return input.trim().toUpperCase();
}
