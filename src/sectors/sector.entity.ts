import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';

/**
 * One sector (filière) of the platform's list, which organizers keep: organizations pick theirs
 * from it, and what people type is folded onto a label or one of its aliases (sector-list.ts).
 */
@Entity('sectors')
export class Sector extends BaseEntity {
  @Column({ type: 'varchar', length: 100 })
  label: string;

  /** The label folded (sectorKey), unique: two entries cannot differ only by accents or case. */
  @Column({ type: 'varchar', length: 100, unique: true })
  key: string;

  /** Other spellings that mean this sector ("agro-alimentaire" for "Alimentation"). */
  @Column({ type: 'simple-json' })
  aliases: string[];
}
