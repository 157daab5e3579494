import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SqlParams } from '../common/db/bulk.js';
import { EditionsService } from '../editions/editions.service.js';
import { resolveSectors } from '../sectors/sector-list.js';
import { Sector } from '../sectors/sector.entity.js';
import type { LegalForm } from './organization.entity.js';
import type { CatalogueQueryDto, CataloguePageDto, ExhibitorDto } from './exhibitors.dto.js';
import { ftsMatchExpression, matchTerms, tsQueryExpression } from './search-index.js';

interface CatalogueRow {
  id: string;
  editionId: string;
  stand: string | null;
  participantId: string | null;
  organizationId: string;
  name: string;
  legalForm: LegalForm;
  sectors: string;
  department: string;
  city: string;
  description: string;
  offers: string;
  needs: string;
  website: string | null;
  total: number | string;
}

/**
 * The public, searchable list of an edition's exhibitors, ranked by relevance when searched.
 * One SQL statement per page (the total comes from a window function): this is the most read
 * route of the convention, hit by every phone in the hall.
 */
@Injectable()
export class CatalogueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly editions: EditionsService,
  ) {}

  async search(editionId: string, query: CatalogueQueryDto): Promise<CataloguePageDto> {
    const page = query.page ?? 1;
    const limit = query.limit ?? 20;
    const pg = this.dataSource.options.type === 'postgres';
    const params = new SqlParams(this.dataSource.manager);
    const p = (value: unknown) => params.add(value);

    const where = [`e."editionId" = ${p(editionId)}`];
    let from = `"exhibitors" e JOIN "organizations" o ON o."id" = e."organizationId"`;
    let rank = '0';
    const terms = matchTerms(query.q ?? '');
    if (terms.length > 0) {
      from += ` JOIN "organization_search" ON "organization_search"."organizationId" = e."organizationId"`;
      if (pg) {
        const tsq = `to_tsquery('simple', ${p(tsQueryExpression(terms))})`;
        where.push(`"organization_search"."document" @@ ${tsq}`);
        rank = `-ts_rank("organization_search"."document", ${tsq})`;
      } else {
        where.push(`"organization_search" MATCH ${p(ftsMatchExpression(terms))}`);
        // Column weights: name counts most, then sectors, offers and needs, then the rest.
        rank = `bm25("organization_search", 0, 10, 5, 2, 3, 3, 1)`;
      }
    }
    if (query.legalForm) where.push(`o."legalForm" = ${p(query.legalForm)}`);
    if (query.department) where.push(`o."department" = ${p(query.department.toUpperCase())}`);
    if (query.sector) {
      // A label or an alias of the list; a sector it does not know has no exhibitors.
      const list = await this.dataSource.manager.find(Sector);
      const [sector] = resolveSectors([query.sector], list).entries;
      if (!sector) {
        await this.editions.require(editionId);
        return { items: [], total: 0, page, limit };
      }
      where.push(
        `EXISTS (SELECT 1 FROM "organization_sectors" s WHERE s."organizationId" = o."id" AND s."sectorId" = ${p(sector.id)})`,
      );
    }
    // The rank is computed inside, because FTS5 ranking cannot share a query level with a window function.
    const rows: CatalogueRow[] = await this.dataSource.query(
      `SELECT page.*, COUNT(*) OVER () AS "total" FROM (
         SELECT e."id" AS "id", e."editionId" AS "editionId", e."stand" AS "stand",
           (SELECT c."id" FROM "participants" c WHERE c."exhibitorId" = e."id" ORDER BY c."createdAt" LIMIT 1) AS "participantId",
           o."id" AS "organizationId", o."name" AS "name", o."legalForm" AS "legalForm", o."sectors" AS "sectors",
           o."department" AS "department", o."city" AS "city", o."description" AS "description",
           o."offers" AS "offers", o."needs" AS "needs", o."website" AS "website",
           o."nameKey" AS "nameKey", ${rank} AS "rank"
         FROM ${from} WHERE ${where.join(' AND ')}
       ) page
       ORDER BY page."rank" ASC, page."nameKey" ASC LIMIT ${p(limit)} OFFSET ${p((page - 1) * limit)}`,
      params.values,
    );
    if (rows.length === 0) {
      // Nothing on this page: say 404 for an unknown edition, else count what the earlier pages hold.
      await this.editions.require(editionId);
      if (page > 1) {
        const [{ total }] = await this.dataSource.query<{ total: number | string }[]>(
          `SELECT COUNT(*) AS "total" FROM ${from} WHERE ${where.join(' AND ')}`,
          // Without the page's limit and offset, the last two parameters.
          params.values.slice(0, -2),
        );
        return { items: [], total: Number(total), page, limit };
      }
    }
    return { items: rows.map(toItem), total: Number(rows[0]?.total ?? 0), page, limit };
  }
}

function toItem(row: CatalogueRow): ExhibitorDto {
  const list = (json: string) => JSON.parse(json) as string[];
  return {
    id: row.id,
    editionId: row.editionId,
    stand: row.stand,
    participantId: row.participantId,
    organization: {
      id: row.organizationId,
      name: row.name,
      legalForm: row.legalForm,
      sectors: list(row.sectors),
      department: row.department,
      city: row.city,
      description: row.description,
      offers: list(row.offers),
      needs: list(row.needs),
      website: row.website,
    },
  };
}
