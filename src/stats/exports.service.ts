import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import { CSV_OPTIONS } from '../common/csv.js';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { ConventionViews } from '../conventions/convention-views.js';
import { Convention } from '../conventions/convention.entity.js';
import { EditionsService } from '../editions/editions.service.js';
import { MeetingViews } from '../meetings/meeting-views.js';
import { Meeting } from '../meetings/meeting.entity.js';

// Spreadsheet format: src/common/csv.ts.
const CONVENTION_STATUS_FR: Record<string, string> = {
  envisaged: 'envisagée',
  negotiating: 'en négociation',
  signed: 'signée',
  in_force: 'en vigueur',
  completed: 'terminée',
  abandoned: 'abandonnée',
};
const KIND_FR: Record<string, string> = {
  supply: 'approvisionnement',
  partnership: 'partenariat',
  subcontracting: 'sous-traitance',
  service: 'prestation de service',
  financing: 'financement',
  other: 'autre',
};

// Meetings' statuses and outcomes in French, as conventions.csv has its own.
const MEETING_STATUS_FR: Record<string, string> = {
  requested: 'demandé',
  scheduled: 'confirmé',
  declined: 'refusé',
  cancelled: 'annulé',
  expired: 'expiré',
  held: 'a eu lieu',
  no_show: 'absence',
};
const OUTCOME_FR: Record<string, string> = {
  no_follow_up: 'sans suite',
  follow_up: 'suite prévue',
  convention_envisaged: 'convention envisagée',
};

@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly editions: EditionsService,
    private readonly conventionViews: ConventionViews,
    private readonly meetingViews: MeetingViews,
  ) {}

  async conventionsCsv(editionId: string): Promise<string> {
    const edition = await this.editions.require(editionId);
    const local = (iso: string | null) =>
      iso ? DateTime.fromISO(iso, { zone: edition.timezone }).toFormat('yyyy-MM-dd HH:mm') : '';
    const conventions = await this.dataSource
      .getRepository(Convention)
      .find({ where: { editionId }, order: { createdAt: 'ASC' } });
    const rows = (await this.conventionViews.toDtos(conventions)).map((c) => ({
      id: c.id,
      titre: c.title,
      type: KIND_FR[c.kind],
      statut: CONVENTION_STATUS_FR[c.status],
      parties: c.parties.map((p) => `${p.name} (${p.role})`).join(' | '),
      'publication acceptée par toutes les parties': c.parties.every((p) => p.public)
        ? 'oui'
        : 'non',
      'valeur annuelle estimée (€)': c.estimatedAnnualValueEur ?? '',
      'emplois créés': c.jobsCreated ?? '',
      'dont emplois en insertion': c.insertionJobs ?? '',
      'part locale ou circuit court (%)':
        c.localSupplyShare === null ? '' : Math.round(c.localSupplyShare * 100),
      'signée le': local(c.signedAt),
      "rendez-vous d'origine": c.meetingIds.length,
      'créée le': local(c.createdAt),
    }));
    return stringify(rows, {
      ...CSV_OPTIONS,
      columns: rows.length ? undefined : CONVENTION_COLUMNS,
    });
  }

  async meetingsCsv(editionId: string): Promise<string> {
    const edition = await this.editions.require(editionId);
    const local = (iso: string | undefined) =>
      iso ? DateTime.fromISO(iso, { setZone: true }).toFormat('yyyy-MM-dd HH:mm') : '';
    const meetings = await this.dataSource
      .getRepository(Meeting)
      .find({ where: { editionId }, order: { createdAt: 'ASC' } });
    const dtos = await this.meetingViews.toDtos(meetings, null);
    const person = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;
    const rows = dtos.map((m) => ({
      id: m.id,
      statut: MEETING_STATUS_FR[m.status],
      demandeur: person(m.requester),
      'organisation du demandeur': m.requester.organizationName ?? '',
      invité: person(m.invitee),
      "organisation de l'invité": m.invitee.organizationName ?? '',
      début: local(m.slot?.startsAt),
      fin: local(m.slot?.endsAt),
      lieu: m.place ?? '',
      issue: m.outcome ? OUTCOME_FR[m.outcome] : '',
      message: m.message ?? '',
      'demandé le': DateTime.fromISO(m.createdAt, { zone: edition.timezone }).toFormat(
        'yyyy-MM-dd HH:mm',
      ),
    }));
    return stringify(rows, { ...CSV_OPTIONS, columns: rows.length ? undefined : MEETING_COLUMNS });
  }
}

const CONVENTION_COLUMNS = [
  'id',
  'titre',
  'type',
  'statut',
  'parties',
  'publication acceptée par toutes les parties',
  'valeur annuelle estimée (€)',
  'emplois créés',
  'dont emplois en insertion',
  'part locale ou circuit court (%)',
  'signée le',
  "rendez-vous d'origine",
  'créée le',
];
const MEETING_COLUMNS = [
  'id',
  'statut',
  'demandeur',
  'organisation du demandeur',
  'invité',
  "organisation de l'invité",
  'début',
  'fin',
  'lieu',
  'issue',
  'message',
  'demandé le',
];
