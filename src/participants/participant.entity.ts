import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import type { ParticipantKind, VisitorCategory } from '../contract/vocabularies.js';

export {
  PARTICIPANT_KINDS,
  VISITOR_CATEGORIES,
  type ParticipantKind,
  type VisitorCategory,
} from '../contract/vocabularies.js';
import { User } from '../auth/user.entity.js';
import { Edition } from '../editions/edition.entity.js';
import { Exhibitor } from '../exhibitors/exhibitor.entity.js';

/** A person taking part in one edition: an exhibitor's staff member or a registered visitor. */
@Entity('participants')
@Index(['editionId', 'userId'], { unique: true })
export class Participant extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  editionId: string;

  @ManyToOne(() => Edition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'editionId' })
  edition?: Relation<Edition>;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 16 })
  kind: ParticipantKind;

  @Column({ type: 'varchar', length: 36, nullable: true })
  exhibitorId: string | null;

  @ManyToOne(() => Exhibitor, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'exhibitorId' })
  exhibitor?: Relation<Exhibitor> | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  category: VisitorCategory | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  organizationName: string | null;

  @Column({ type: 'simple-json' })
  interests: string[];

  /** What a visitor offers and looks for, matched like an exhibitor's profile (empty for exhibitors). */
  @Column({ type: 'simple-json', default: '[]' })
  offers: string[] = [];

  @Column({ type: 'simple-json', default: '[]' })
  needs: string[] = [];

  @Column({ type: 'varchar', length: 32, unique: true })
  badgeCode: string;

  @Column({ type: Date, nullable: true })
  checkedInAt: Date | null;

  /** A visitor agreed at registration (or later) that stands may scan the badge to keep their contacts. */
  @Column({ type: 'boolean', default: false })
  scanConsent: boolean = false;

  /** A visitor's phone, given to the stands that scan the badge only with `scanConsent`. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null = null;

  /** Secret of the subscribable agenda feed (`agenda.ics?token=`), made on first use. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  calendarToken: string | null;
}
