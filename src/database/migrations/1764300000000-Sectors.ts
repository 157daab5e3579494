import { randomUUID } from 'node:crypto';
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { foldFrench } from '../../common/french-text.js';
import type { Organization } from '../../exhibitors/organization.entity.js';
import { indexOrganization } from '../../exhibitors/search-index.js';
import { cleanSector, resolveSectors, sectorKey } from '../../sectors/sector-list.js';
import { createdAt, fk, idColumn, insertRow, isPostgres, text, varchar } from './portable.js';

/** The ESS filières the platform starts with, and spellings people use for them. */
const DEFAULT_SECTORS: [label: string, aliases: string[]][] = [
  ['Agriculture', ['agricole', 'maraîchage', 'agriculture biologique', 'élevage']],
  ['Alimentation', ['agroalimentaire', 'agro-alimentaire', 'alimentaire', 'alimentation durable']],
  ['Circuits courts', ['circuit court', 'vente directe', 'circuits de proximité']],
  ['Tourisme', ['tourisme social', 'tourisme solidaire', 'vacances']],
  ['Restauration', ['restauration collective', 'traiteur', 'restaurant']],
  ['Recyclage', ['déchets', 'valorisation des déchets', 'économie circulaire']],
  ['Réemploi', ['ressourcerie', 'recyclerie', 'seconde main', 'réutilisation']],
  ['Insertion', ["insertion par l'activité économique", 'IAE', 'insertion professionnelle']],
  ['Finance', ['finance solidaire', 'épargne solidaire', 'banque', 'financement']],
  ['Assurance', ['assurances', 'prévoyance']],
  ['Énergie', ['énergies renouvelables', 'transition énergétique', 'énergies']],
  ['Habitat', ['logement', 'habitat participatif']],
  ['Santé', ['médico-social', 'sanitaire et social']],
  ['Sport', ['sports', 'activité physique']],
  ['Formation', ['formation professionnelle', 'enseignement']],
  ['Numérique', ['digital', 'informatique', 'numérique responsable']],
  ['Mobilité', ['mobilités', 'transport', 'transports']],
  ['Logistique', ['transport de marchandises', 'livraison']],
  ['Culture', ['arts', 'spectacle vivant', 'patrimoine']],
  ['Innovation sociale', ['innovation', 'entrepreneuriat social']],
  ['Services à la personne', ['aide à domicile', 'services aux personnes', 'SAP']],
  ['Textile', ['habillement', 'mode', 'couture']],
  ['Bâtiment', ['BTP', 'construction', 'rénovation']],
  ['Environnement', ['écologie', 'transition écologique', 'biodiversité']],
  ['Éducation populaire', ['jeunesse', 'animation']],
  ['Commerce équitable', ['commerce solidaire', 'fair trade']],
];

interface Entry {
  id: string;
  label: string;
  aliases: string[];
}

interface OrganizationRow {
  id: string;
  name: string;
  sectors: string;
  city: string;
  description: string;
  offers: string;
  needs: string;
}

const parse = (json: string) => JSON.parse(json) as string[];
const same = (a: string[], b: string[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Sectors become a list the organizer keeps: the table, a default list of ESS filières, then every
 * organization's free text folded onto it (a value matching a label or an alias becomes that label;
 * one matching nothing becomes an entry of its own, variants of one key a single entry, so nothing
 * is lost), and `organization_sectors` rebuilt with sector ids. Pending applications are folded too,
 * so that approving one later finds its sectors in the list.
 */
export class Sectors1764300000000 implements MigrationInterface {
  name = 'Sectors1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'sectors',
        columns: [
          idColumn(),
          varchar('label', 100),
          varchar('key', 100),
          text('aliases'),
          createdAt(q),
        ],
        indices: [{ name: 'UQ_sectors_key', columnNames: ['key'], isUnique: true }],
      }),
    );
    const list: Entry[] = DEFAULT_SECTORS.map(([label, aliases]) => ({
      id: randomUUID(),
      label,
      aliases,
    }));
    const organizations = (await q.query(
      `SELECT "id", "name", "sectors", "city", "description", "offers", "needs"
       FROM "organizations" ORDER BY "createdAt", "id"`,
    )) as OrganizationRow[];
    const applications = (await q.query(
      `SELECT "id", "sectors" FROM "applications" WHERE "status" = 'pending' ORDER BY "createdAt", "id"`,
    )) as { id: string; sectors: string }[];
    for (const row of [...organizations, ...applications]) learn(list, parse(row.sectors));

    for (const entry of list) {
      await insertRow(q, 'sectors', {
        id: entry.id,
        label: entry.label,
        key: sectorKey(entry.label),
        aliases: JSON.stringify(entry.aliases),
      });
    }
    await q.dropTable('organization_sectors');
    await q.createTable(
      new Table({
        name: 'organization_sectors',
        columns: [
          { ...varchar('organizationId', 36), isPrimary: true },
          { ...varchar('sectorId', 36), isPrimary: true },
        ],
        foreignKeys: [fk('organizationId', 'organizations'), fk('sectorId', 'sectors', 'RESTRICT')],
        indices: [{ columnNames: ['sectorId'] }],
      }),
    );
    for (const row of organizations) {
      const before = parse(row.sectors);
      const { labels, entries } = resolveSectors(before, list);
      for (const entry of entries) {
        await insertRow(q, 'organization_sectors', { organizationId: row.id, sectorId: entry.id });
      }
      if (same(before, labels)) continue;
      await this.setSectors(q, 'organizations', row.id, labels);
      const organization = {
        ...row,
        sectors: labels,
        offers: parse(row.offers),
        needs: parse(row.needs),
      };
      await indexOrganization(q.manager, organization as unknown as Organization);
    }
    for (const row of applications) {
      const before = parse(row.sectors);
      const { labels } = resolveSectors(before, list);
      if (!same(before, labels)) await this.setSectors(q, 'applications', row.id, labels);
    }
  }

  /** The free-text shape again: a folded key per organization's sector; the labels stay as folded. */
  async down(q: QueryRunner): Promise<void> {
    const organizations = (await q.query(`SELECT "id", "sectors" FROM "organizations"`)) as {
      id: string;
      sectors: string;
    }[];
    await q.dropTable('organization_sectors');
    await q.createTable(
      new Table({
        name: 'organization_sectors',
        columns: [
          { ...varchar('organizationId', 36), isPrimary: true },
          { ...varchar('sectorKey', 100), isPrimary: true },
        ],
        foreignKeys: [fk('organizationId', 'organizations')],
        indices: [{ columnNames: ['sectorKey'] }],
      }),
    );
    for (const row of organizations) {
      // The key as the free-text code computed it.
      const keys = new Set(parse(row.sectors).map((s) => foldFrench(s.trim())));
      for (const key of keys) {
        await insertRow(q, 'organization_sectors', { organizationId: row.id, sectorKey: key });
      }
    }
    await q.dropTable('sectors');
  }

  private async setSectors(q: QueryRunner, table: string, id: string, labels: string[]) {
    await q.query(
      isPostgres(q)
        ? `UPDATE "${table}" SET "sectors" = $1 WHERE "id" = $2`
        : `UPDATE "${table}" SET "sectors" = ? WHERE "id" = ?`,
      [JSON.stringify(labels), id],
    );
  }
}

/** Values the list does not know become entries of their own, spelled as first met. */
function learn(list: Entry[], values: string[]): void {
  for (const unknown of resolveSectors(values, list).unknown) {
    list.push({ id: randomUUID(), label: cleanSector(unknown).slice(0, 100), aliases: [] });
  }
}
