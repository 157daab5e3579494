import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Runs write transactions one at a time. SQLite has one writer and TypeORM shares one
 * connection, so two interleaved transactions would fail with "cannot start a transaction
 * within a transaction". Never call `write` from inside `write`: it would wait for itself.
 */
@Injectable()
export class UnitOfWork {
  private readonly mutex = new Mutex();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.mutex.runExclusive(() => this.dataSource.transaction(work));
  }
}
