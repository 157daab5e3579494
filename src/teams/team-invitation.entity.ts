import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';

/**
 * A colleague invited to join a stand. Only the SHA-256 of the token is kept: the link is shown once,
 * to whoever invited, and a database leak gives no way in.
 */
@Entity('team_invitations')
@Index(['exhibitorId'])
export class TeamInvitation extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  editionId: string;

  @Column({ type: 'varchar', length: 36 })
  exhibitorId: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  firstName: string | null = null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  lastName: string | null = null;

  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  @Column({ type: Date })
  expiresAt: Date;

  /** The user who invited (a member of the stand or an organizer). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  invitedById: string | null = null;

  @Column({ type: Date, nullable: true })
  usedAt: Date | null = null;

  /** Replaced by a newer invitation of the same email, or withdrawn by the team. */
  @Column({ type: Date, nullable: true })
  revokedAt: Date | null = null;
}
