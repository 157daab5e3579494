import argon2 from 'argon2';

/** argon2id's cost; a hash records its own, so changing it never locks anyone out. */
let cost = { memoryCost: 65_536, timeCost: 3 };

/** Set once at start-up from PASSWORD_HASH_MEMORY_KIB and PASSWORD_HASH_PASSES. */
export function configurePasswordHashing(env: {
  PASSWORD_HASH_MEMORY_KIB: number;
  PASSWORD_HASH_PASSES: number;
}): void {
  cost = { memoryCost: env.PASSWORD_HASH_MEMORY_KIB, timeCost: env.PASSWORD_HASH_PASSES };
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, ...cost });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
