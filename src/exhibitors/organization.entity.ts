import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import type { LegalForm } from '../contract/vocabularies.js';

export { LEGAL_FORMS, type LegalForm } from '../contract/vocabularies.js';

@Entity('organizations')
export class Organization extends BaseEntity {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** The normalised name, unique, so that onboarding the same structure twice reuses it. */
  @Column({ type: 'varchar', length: 200, unique: true })
  nameKey: string;

  @Column({ type: 'varchar', length: 32 })
  legalForm: LegalForm;

  @Column({ type: 'simple-json' })
  sectors: string[];

  @Column({ type: 'varchar', length: 3 })
  department: string;

  @Column({ type: 'varchar', length: 100 })
  city: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'simple-json' })
  offers: string[];

  @Column({ type: 'simple-json' })
  needs: string[];

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  @Column({ type: Date })
  updatedAt: Date = new Date();
}
