import { randomUUID } from 'node:crypto';
import { Column, PrimaryColumn } from 'typeorm';

/**
 * Ids are UUIDs made by the application, so the same insert works on SQLite and PostgreSQL.
 * They are set when the class is instantiated: insert entities made by `manager.create`, not plain objects.
 */
export abstract class BaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  // Set here rather than by the database, so an insert needs no read-back.
  @Column({ type: Date })
  createdAt: Date = new Date();
}
