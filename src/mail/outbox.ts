import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SqlParams } from '../common/db/bulk.js';
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
      keyOf(cause, userId),
      (p) => `SELECT CAST(${p.add(userId)} AS varchar(36)) AS "userId"`,
    );
  }

  /**
   * To the accounts behind participants `participantIds` of the edition, except the account
   * `exceptUserId` (the one who made the change knows of it): one INSERT … SELECT per participant,
   * which reads the account in the statement itself.
   */
  async toParticipants(
    manager: EntityManager,
    participantIds: string[],
    cause: MailCause,
    exceptUserId: string | null = null,
  ): Promise<void> {
    for (const participantId of new Set(participantIds)) {
      await this.insertSelect(
        manager,
        { ...cause, payload: { ...cause.payload, participantId } },
        keyOf(cause, participantId),
        (p) =>
          `SELECT pa."userId" FROM "participants" pa WHERE pa."id" = ${p.add(participantId)}` +
          (exceptUserId === null ? '' : ` AND pa."userId" <> ${p.add(exceptUserId)}`),
      );
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

  /** INSERT … SELECT the recipient, ignoring a message whose key is already there. */
  private async insertSelect(
    manager: EntityManager,
    cause: MailCause,
    key: string,
    /** The recipient's SELECT; its parameters are added last, as it comes last in the statement. */
    recipient: (params: SqlParams) => string,
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
       SELECT ${params.add(randomUUID())}, ${params.add(key)}, ${params.add(cause.kind)},
              r."userId", ${params.add(cause.editionId)}, ${params.add(JSON.stringify(cause.payload))},
              'pending', 0, ${value('nextAttemptAt', now)}, ${value('createdAt', now)}
         FROM (${recipient(params)}) r${sqlite ? '' : ' ON CONFLICT ("idempotencyKey") DO NOTHING'}`,
      params.values,
    );
  }
}

function keyOf(cause: MailCause, recipient: string): string {
  return [cause.kind, ...Object.values(cause.payload), recipient].join(':').slice(0, 200);
}
