import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ROWS_PER_STATEMENT, SqlParams } from '../common/db/bulk.js';
import { columnValue } from '../common/db/rows.js';
import { OutboxMessage, type MailKind } from './outbox.entity.js';

export interface MailCause {
  kind: MailKind;
  editionId: string | null;
  /** What the message is about; the sender reads the rest when it renders. */
  payload: Record<string, string>;
}

type Listener = () => void;

/**
 * Puts messages in the outbox, inside the caller's transaction (`manager`). Each message's
 * idempotency key is its kind, what it is about and its recipient: the same cause written twice
 * (a retried request) is one message.
 */
@Injectable()
export class MailOutbox {
  private readonly listeners: Listener[] = [];

  /** To the account `userId`. */
  async toUser(manager: EntityManager, userId: string, cause: MailCause): Promise<void> {
    await this.insertSelect(
      manager,
      cause,
      (p) =>
        `SELECT CAST(${p.add(randomUUID())} AS varchar(36)) AS "id",
                CAST(${p.add(keyOf(cause, userId))} AS varchar(200)) AS "key",
                CAST(${p.add(JSON.stringify(cause.payload))} AS text) AS "payload",
                CAST(${p.add(userId)} AS varchar(36)) AS "userId"`,
    );
  }

  /**
   * To the accounts behind participants `participantIds` of the edition, except the account
   * `exceptUserId` (the one who made the change knows of it): one INSERT … SELECT per 200
   * participants, which reads their accounts in the statement itself (a published schedule writes
   * to thousands).
   */
  async toParticipants(
    manager: EntityManager,
    participantIds: string[],
    cause: MailCause,
    exceptUserId: string | null = null,
  ): Promise<void> {
    const ids = [...new Set(participantIds)];
    for (let start = 0; start < ids.length; start += ROWS_PER_STATEMENT) {
      const chunk = ids.slice(start, start + ROWS_PER_STATEMENT);
      await this.insertSelect(manager, cause, (p) => {
        // A VALUES list's columns are column1, column2… on SQLite and PostgreSQL alike.
        const rows = chunk.map((participantId) => {
          const payload = JSON.stringify({ ...cause.payload, participantId });
          return `(${p.add(randomUUID())}, ${p.add(keyOf(cause, participantId))}, ${p.add(payload)}, ${p.add(participantId)})`;
        });
        return (
          `SELECT v.column1 AS "id", v.column2 AS "key", v.column3 AS "payload", pa."userId"
             FROM (VALUES ${rows.join(', ')}) v JOIN "participants" pa ON pa."id" = v.column4` +
          (exceptUserId === null ? '' : ` WHERE pa."userId" <> ${p.add(exceptUserId)}`)
        );
      });
    }
  }

  /** Called after a change that may have written messages, once it is committed. */
  onEnqueued(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Tells the sender there may be mail: call it after the transaction returned. */
  poke(): void {
    for (const listener of this.listeners) listener();
  }

  /** INSERT … SELECT the messages (id, key, payload, recipient), ignoring a key already there. */
  private async insertSelect(
    manager: EntityManager,
    cause: MailCause,
    /** The messages' SELECT; its parameters are added last, as it comes last in the statement. */
    messages: (params: SqlParams) => string,
  ): Promise<void> {
    const params = new SqlParams(manager);
    const now = new Date();
    const value = (property: keyof OutboxMessage, v: unknown) =>
      params.add(columnValue(manager, OutboxMessage, property, v));
    const sqlite = manager.connection.options.type !== 'postgres';
    await manager.query(
      `INSERT ${sqlite ? 'OR IGNORE ' : ''}INTO "outbox_messages"
         ("id", "idempotencyKey", "kind", "toUserId", "editionId", "payload", "status", "attempts",
          "nextAttemptAt", "createdAt")
       SELECT m."id", m."key", ${params.add(cause.kind)}, m."userId", ${params.add(cause.editionId)},
              m."payload", 'pending', 0, ${value('nextAttemptAt', now)}, ${value('createdAt', now)}
         FROM (${messages(params)}) m${sqlite ? '' : ' ON CONFLICT ("idempotencyKey") DO NOTHING'}`,
      params.values,
    );
  }
}

function keyOf(cause: MailCause, recipient: string): string {
  return [cause.kind, ...Object.values(cause.payload), recipient].join(':').slice(0, 200);
}
