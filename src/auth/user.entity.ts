import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import { Organization } from '../exhibitors/organization.entity.js';

import type { Role } from '../contract/vocabularies.js';

export { ROLES, type Role } from '../contract/vocabularies.js';

@Entity('users')
export class User extends BaseEntity {
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ type: 'varchar', length: 100 })
  firstName: string;

  @Column({ type: 'varchar', length: 100 })
  lastName: string;

  /** The language mail is written in for this person: 'fr' or 'en'. */
  @Column({ type: 'varchar', length: 5, default: 'fr' })
  language: 'fr' | 'en' = 'fr';

  /** The kinds of mail this person turned off (see MAIL_KINDS). */
  @Column({ type: 'simple-json' })
  mailOff: string[] = [];

  /** The organization an exhibitor's staff member works for. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  organizationId: string | null;

  @ManyToOne(() => Organization, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organizationId' })
  organization?: Relation<Organization> | null;
}
