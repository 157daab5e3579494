import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, type Repository } from 'typeorm';
import { EditionsService } from '../editions/editions.service.js';
import { Exhibitor } from './exhibitor.entity.js';
import type { CatalogueQueryDto, CataloguePageDto } from './exhibitors.dto.js';
import { ExhibitorsService } from './exhibitors.service.js';
import { sectorKey } from './organizations.service.js';
import { ftsMatchExpression, matchTerms, tsQueryExpression } from './search-index.js';

/** The public, searchable list of an edition's exhibitors, ranked by relevance when searched. */
@Injectable()
export class CatalogueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Exhibitor) private readonly exhibitorRepo: Repository<Exhibitor>,
    private readonly editions: EditionsService,
    private readonly exhibitors: ExhibitorsService,
  ) {}

  async search(editionId: string, query: CatalogueQueryDto): Promise<CataloguePageDto> {
    await this.editions.require(editionId);
    const page = query.page ?? 1;
    const limit = query.limit ?? 20;
    const pg = this.dataSource.options.type === 'postgres';
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return pg ? `$${params.length}` : '?';
    };

    const where = [`e."editionId" = ${p(editionId)}`];
    let from = `"exhibitors" e JOIN "organizations" o ON o."id" = e."organizationId"`;
    let order = `o."nameKey" ASC`;
    const terms = matchTerms(query.q ?? '');
    if (terms.length > 0) {
      from += ` JOIN "organization_search" ON "organization_search"."organizationId" = e."organizationId"`;
      if (pg) {
        const tsq = `to_tsquery('simple', ${p(tsQueryExpression(terms))})`;
        where.push(`"organization_search"."document" @@ ${tsq}`);
        order = `ts_rank("organization_search"."document", ${tsq}) DESC, o."nameKey" ASC`;
      } else {
        where.push(`"organization_search" MATCH ${p(ftsMatchExpression(terms))}`);
        // Column weights: name counts most, then sectors, offers and needs, then the rest.
        order = `bm25("organization_search", 0, 10, 5, 2, 3, 3, 1) ASC, o."nameKey" ASC`;
      }
    }
    if (query.legalForm) where.push(`o."legalForm" = ${p(query.legalForm)}`);
    if (query.department) where.push(`o."department" = ${p(query.department.toUpperCase())}`);
    if (query.sector) {
      where.push(
        `EXISTS (SELECT 1 FROM "organization_sectors" s WHERE s."organizationId" = o."id" AND s."sectorKey" = ${p(sectorKey(query.sector))})`,
      );
    }
    const filter = `FROM ${from} WHERE ${where.join(' AND ')}`;
    const countParams = [...params];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT e."id" AS "id" ${filter} ORDER BY ${order} LIMIT ${p(limit)} OFFSET ${p((page - 1) * limit)}`,
      params,
    );
    const [{ total }]: { total: number | string }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS "total" ${filter}`,
      countParams,
    );
    const found = await this.exhibitorRepo.findBy({ id: In(rows.map((r) => r.id)) });
    const byId = new Map(found.map((e) => [e.id, e]));
    const items = await this.exhibitors.toDtos(rows.map((r) => byId.get(r.id)!).filter(Boolean));
    return { items, total: Number(total), page, limit };
  }
}
