import { HttpStatus, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/decorators.js';
import { forbidden, invalidField, refusedField } from '../common/errors.js';
import { foldFrench } from '../common/french-text.js';
import { EditionsService } from '../editions/editions.service.js';
import { ParticipantsLookup } from '../meetings/participants.lookup.js';
import { fullName, localClock, localDate } from './pdf/french.js';
import { renderPdf } from './pdf/render.js';
import {
  agendaSheets,
  byId,
  PrintData,
  slotPlans,
  toPrintedEdition,
  type PersonRow,
} from './print-data.js';
import type { AgendaPdfQueryDto, PeoplePdfQueryDto, TablesPdfQueryDto } from './print.dto.js';

/** A document to download: its bytes and the name it is saved under. */
export interface PrintFile {
  fileName: string;
  pdf: Buffer;
}

/** A file name's words: folded to ASCII, so every browser and desk computer saves it as is. */
const slug = (text: string) =>
  foldFrench(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'coventis';

/** Who may print what, and which data each document gets (the layouts are in `pdf/`). */
@Injectable()
export class PrintService {
  constructor(
    private readonly data: PrintData,
    private readonly editions: EditionsService,
    private readonly lookup: ParticipantsLookup,
  ) {}

  /**
   * One person's agenda: mine, a colleague's of my stand (the team shares the stand's meetings),
   * or anybody's for an organizer.
   */
  async agenda(user: AuthUser, editionId: string, query: AgendaPdfQueryDto): Promise<PrintFile> {
    const edition = await this.editions.require(editionId);
    const person = await this.whoseAgenda(user, editionId, query.participantId);
    const meetings = await this.data.meetings(editionId, { participantId: person.participantId });
    const [parties, slots] = await Promise.all([
      this.data.parties(editionId, meetings),
      this.data.slots(editionId),
    ]);
    const sheets = agendaSheets([person], meetings, parties, new Map(slots.map((s) => [s.id, s])));
    return {
      fileName: `agenda-${slug(fullName(person))}.pdf`,
      pdf: await renderPdf({
        document: 'agendas',
        edition: toPrintedEdition(edition),
        sheets,
        printedAt: new Date(),
      }),
    };
  }

  private async whoseAgenda(
    user: AuthUser,
    editionId: string,
    participantId: string | undefined,
  ): Promise<PersonRow> {
    if (!participantId) {
      if (user.role === 'organizer' && !(await this.lookup.mineOrNull(user, editionId))) {
        throw invalidField(
          'participantId',
          'validation/required',
          'participantId is required: an organizer prints somebody’s agenda',
        );
      }
      participantId = (await this.lookup.mine(user, editionId)).id;
    }
    const [person] = await this.data.people(editionId, { ids: [participantId] });
    if (!person) {
      throw refusedField(
        HttpStatus.NOT_FOUND,
        'participantId',
        'registration/not_found',
        `Participant ${participantId} is not registered for this edition`,
      );
    }
    if (user.role === 'organizer' || person.userId === user.id) return person;
    const me = await this.lookup.mineOrNull(user, editionId);
    if (me?.exhibitorId && me.exhibitorId === person.exhibitorId) return person;
    throw forbidden(
      'print/not_yours',
      'Only its owner, the colleagues of their stand and organizers may print this agenda',
    );
  }

  /** The agendas of the selection, or of everybody who has a meeting, a page break between them. */
  async agendas(editionId: string, query: PeoplePdfQueryDto): Promise<PrintFile> {
    const edition = await this.editions.require(editionId);
    // Everyone at once: the partners of thousands of agendas are most of the edition anyway.
    const [everyone, meetings, slots] = await Promise.all([
      this.data.people(editionId),
      this.data.meetings(editionId),
      this.data.slots(editionId),
    ]);
    const selected = select(everyone, query);
    let sheets = agendaSheets(
      selected,
      meetings,
      byId(everyone),
      new Map(slots.map((s) => [s.id, s])),
    );
    // Without a selection, a page for each of the thousands who booked nothing would waste paper.
    if (!query.participantIds) sheets = sheets.filter((s) => s.meetings.length > 0);
    return {
      fileName: `agendas-${slug(edition.name)}.pdf`,
      pdf: await renderPdf({
        document: 'agendas',
        edition: toPrintedEdition(edition),
        sheets,
        printedAt: new Date(),
      }),
    };
  }

  async badges(editionId: string, query: PeoplePdfQueryDto): Promise<PrintFile> {
    const edition = await this.editions.require(editionId);
    const ids = query.participantIds && [...new Set(query.participantIds)];
    const people = select(await this.data.people(editionId, { ids }), query);
    return {
      fileName: `badges-${slug(edition.name)}.pdf`,
      pdf: await renderPdf({
        document: 'badges',
        edition: toPrintedEdition(edition),
        people,
        printedAt: new Date(),
      }),
    };
  }

  /** The plan of one slot, or of every slot of a day, in the order of the grid. */
  async tables(editionId: string, query: TablesPdfQueryDto): Promise<PrintFile> {
    if (!query.slotId === !query.date) {
      throw invalidField(
        'slotId',
        'print/slot_or_date',
        'Give either slotId (one slot) or date (every slot of a day), not both',
      );
    }
    const edition = await this.editions.require(editionId);
    const grid = await this.data.slots(editionId);
    const slots = query.slotId
      ? grid.filter((s) => s.id === query.slotId)
      : grid.filter((s) => localDate(s.startsAt, edition.timezone) === query.date);
    if (slots.length === 0) {
      throw query.slotId
        ? invalidField('slotId', 'print/unknown_slot', 'slotId is not a slot of this edition')
        : invalidField('date', 'print/unknown_date', 'date is not a day of this edition');
    }
    const meetings = await this.data.meetings(editionId, { slotIds: slots.map((s) => s.id) });
    const parties = await this.data.parties(editionId, meetings);
    const first = slots[0].startsAt;
    const time =
      slots.length === 1 ? `-${localClock(first, edition.timezone).replace(':', 'h')}` : '';
    return {
      fileName: `plan-des-tables-${localDate(first, edition.timezone)}${time}.pdf`,
      pdf: await renderPdf({
        document: 'tables',
        edition: toPrintedEdition(edition),
        plans: slotPlans(slots, meetings, parties),
        printedAt: new Date(),
      }),
    };
  }
}

/** Of `people`, those the query names (each must be of the edition), of its kind if it asks one. */
function select(people: PersonRow[], query: PeoplePdfQueryDto): PersonRow[] {
  let selected = people;
  if (query.participantIds) {
    const found = byId(people);
    const unknown = query.participantIds.filter((id) => !found.has(id));
    if (unknown.length > 0) {
      throw invalidField(
        'participantIds',
        'print/unknown_participant',
        `participantIds: ${[...new Set(unknown)].join(', ')} is not a participant of this edition`,
      );
    }
    const wanted = new Set(query.participantIds);
    selected = people.filter((p) => wanted.has(p.participantId));
  }
  return query.kind ? selected.filter((p) => p.kind === query.kind) : selected;
}
