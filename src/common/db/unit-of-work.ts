import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, type EntityManager } from 'typeorm';
import { isSerializationFailure } from './db-errors.js';

/** Attempts of one write on PostgreSQL before its serialization failure goes to the caller. */
export const WRITE_ATTEMPTS = 10;
/** From this attempt on, a write waits for its turn (alone, across every instance) first. */
const QUEUE_FROM_ATTEMPT = 2;
/** The advisory lock every write holds, exclusively once retried twice (any constant of our own). */
const RETRY_QUEUE_LOCK = 0x636f76;

/**
 * Runs write transactions.
 *
 * - **SQLite** has one writer and TypeORM shares one connection, so the transactions run one at a
 *   time: two interleaved ones would fail with "cannot start a transaction within a transaction".
 *   Never call `write` from inside `write` there: it would wait for itself.
 * - **PostgreSQL** runs them concurrently, each on a connection of the pool, at SERIALIZABLE: the
 *   checks a service makes before it writes hold as if the transactions had run one at a time,
 *   which is what the services were written for. When PostgreSQL cannot order two of them (40001)
 *   or they deadlock (40P01), nothing was written and the work runs again after a short random
 *   pause. Every attempt holds a session advisory lock, shared; from the third attempt on a write
 *   takes it exclusively, so it waits for the writes running and those arriving wait for it: it
 *   runs alone and cannot fail against them again (a lock among retried writes alone did not do:
 *   fresh writes kept failing them until they ran out of attempts). The lock is taken
 *   before BEGIN, so the snapshot is taken after the wait. After `WRITE_ATTEMPTS` the failure goes
 *   to the caller (409 `conflict/concurrent`). The work must therefore only touch the database
 *   through `manager`, and tell others (events, mail) after it returns.
 */
@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger(UnitOfWork.name);
  private readonly mutex = new Mutex();
  private readonly concurrent: boolean;
  /** Retries since start-up, by the SQLSTATE that caused them (read by tests and benchmarks). */
  readonly retries = new Map<string, number>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.concurrent = dataSource.options.type === 'postgres';
  }

  write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.concurrent) return this.mutex.runExclusive(() => this.dataSource.transaction(work));
    return this.serializable(work);
  }

  /**
   * Inside a write: whether this transaction is the only one, across every instance, holding the
   * job `name` (a periodic sweep every instance runs). The others skip their turn instead of
   * colliding with it. Always true on SQLite, where there is one process.
   */
  async soleRunner(manager: EntityManager, name: string): Promise<boolean> {
    if (!this.concurrent) return true;
    const [row] = await manager.query<{ ok: boolean }[]>(
      'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS "ok"',
      [name],
    );
    return row?.ok === true;
  }

  private async serializable<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(work, attempt >= QUEUE_FROM_ATTEMPT);
      } catch (error) {
        const code = isSerializationFailure(error);
        if (!code || attempt >= WRITE_ATTEMPTS) throw error;
        this.retries.set(code, (this.retries.get(code) ?? 0) + 1);
        if (attempt >= QUEUE_FROM_ATTEMPT + 2)
          this.logger.warn(`write retried ${attempt} times (${code})`);
        // Up to 2, 4, 8… ms, at random, so that the transactions that collided do not collide again.
        await sleep(Math.random() * 2 ** Math.min(attempt, 6));
      }
    }
  }

  private async attempt<T>(
    work: (manager: EntityManager) => Promise<T>,
    queued: boolean,
  ): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const lock = queued ? 'pg_advisory_lock' : 'pg_advisory_lock_shared';
    const unlock = queued ? 'pg_advisory_unlock' : 'pg_advisory_unlock_shared';
    try {
      await runner.query(`SELECT ${lock}($1)`, [RETRY_QUEUE_LOCK]);
      await runner.startTransaction('SERIALIZABLE');
      try {
        const result = await work(runner.manager);
        await runner.commitTransaction();
        return result;
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
    } finally {
      await runner.query(`SELECT ${unlock}($1)`, [RETRY_QUEUE_LOCK]).catch(() => undefined);
      await runner.release();
    }
  }
}
