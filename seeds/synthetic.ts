import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../src/auth/passwords.js';
import { User } from '../src/auth/user.entity.js';
import { LEGAL_FORMS } from '../src/exhibitors/organization.entity.js';
import { Exhibitor } from '../src/exhibitors/exhibitor.entity.js';
import { OrganizationsService } from '../src/exhibitors/organizations.service.js';
import { EditionsService } from '../src/editions/editions.service.js';
import { UnitOfWork } from '../src/common/db/unit-of-work.js';
import { newBadgeCode } from '../src/participants/badge-code.js';
import { Participant } from '../src/participants/participant.entity.js';

/**
 * A full-size synthetic edition for benchmarks: by default 140 exhibitors and 5,000 visitors,
 * with French-looking profiles drawn from a seeded generator, so two runs give the same data.
 */
export interface SyntheticOptions {
  exhibitors: number;
  visitors: number;
  seed: number;
  password: string;
  tables: number;
}

export interface SyntheticEdition {
  editionId: string;
  exhibitorEmails: string[];
  visitorEmails: string[];
  password: string;
}

export const SECTORS = [
  'alimentation',
  'agriculture',
  'tourisme',
  'recyclage',
  'mobilité',
  'logistique',
  'finance',
  'assurance',
  'formation',
  'innovation sociale',
  'insertion',
  'restauration',
  'santé',
  'sport',
  'culture',
  'habitat',
  'numérique',
  'énergie',
];
const KINDS = [
  'Coopérative',
  'Association',
  'Mutuelle',
  'Atelier',
  'Réseau',
  'Fondation',
  'Collectif',
  'Maison',
  'Union',
  'Jardins',
];
const THEMES = [
  'des Producteurs',
  'de l’Économie Solidaire',
  'du Réemploi',
  'des Circuits Courts',
  'de la Mobilité Douce',
  'des Savoirs',
  'de l’Habitat Partagé',
  'du Tourisme Social',
  'des Énergies Citoyennes',
  'de la Santé Mutualiste',
  'du Numérique Responsable',
  'des Cuisines Collectives',
];
export const PLACES = [
  ['Montpellier', '34'],
  ['Sète', '34'],
  ['Béziers', '34'],
  ['Lodève', '34'],
  ['Nîmes', '30'],
  ['Alès', '30'],
  ['Carcassonne', '11'],
  ['Narbonne', '11'],
  ['Perpignan', '66'],
  ['Mende', '48'],
] as const;
export const OFFERS = [
  'produits locaux de saison',
  'collecte et recyclage de papier',
  'formation des bénévoles',
  'livraison à vélo cargo',
  'restauration d’insertion',
  'financement solidaire',
  'assurance des associations',
  'hébergement de groupes',
  'conseil en coopération',
  'maintenance de véhicules électriques',
  'ateliers de sport adapté',
  'énergie renouvelable citoyenne',
];
export const NEEDS = [
  'débouchés en restauration collective',
  'bénévoles',
  'locaux partagés',
  'partenaires financiers',
  'fournisseurs en circuit court',
  'clients professionnels',
  'transport mutualisé',
  'outils numériques',
];
const FIRST = [
  'Camille',
  'Léa',
  'Hugo',
  'Inès',
  'Lucas',
  'Chloé',
  'Théo',
  'Manon',
  'Nathan',
  'Jade',
  'Élise',
  'Jérôme',
  'Agnès',
  'François',
  'Zoé',
  'Mathéo',
  'Anaïs',
  'Gaëlle',
  'Noémie',
  'Loïc',
];
const LAST = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'García',
  'Bérard',
  'Fabre',
  'Roux',
  'Vidal',
  'Mercier',
];

/** A small seeded generator (mulberry32): the same seed gives the same edition. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function generateSyntheticEdition(
  app: INestApplicationContext,
  options: Partial<SyntheticOptions> = {},
): Promise<SyntheticEdition> {
  const {
    exhibitors = 140,
    visitors = 5000,
    seed = 2027,
    password = 'synthetic-password',
    tables = 60,
  } = options;
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const some = <T>(list: readonly T[], n: number): T[] => [
    ...new Set(Array.from({ length: n }, () => pick(list))),
  ];
  const uow = app.get(UnitOfWork);
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const organizations = app.get(OrganizationsService);
  const passwordHash = await hashPassword(password);
  const organizer =
    (await dataSource.getRepository(User).findOneBy({ role: 'organizer' })) ?? undefined;
  const actor = {
    id: organizer?.id ?? 'synthetic',
    email: 'synthetic',
    role: 'organizer' as const,
    firstName: 'Synthetic',
    lastName: 'Generator',
    organizationId: null,
  };
  const edition = await app.get(EditionsService).create(actor, {
    name: `Coventis synthétique ${seed}`,
    city: 'Montpellier',
    venue: 'Le Corum',
    timezone: 'Europe/Paris',
    slotMinutes: 20,
    breakMinutes: 5,
    tables,
    days: [
      { date: '2027-05-19', start: '09:00', end: '17:30' },
      { date: '2027-05-20', start: '09:00', end: '17:30' },
    ],
  });
  const exhibitorEmails: string[] = [];
  const visitorEmails: string[] = [];
  await uow.write(async (manager) => {
    for (let i = 0; i < exhibitors; i++) {
      const [city, department] = pick(PLACES);
      const sectors = some(SECTORS, 1 + Math.floor(random() * 3));
      const organization = await organizations.findOrCreate(manager, {
        name: `${pick(KINDS)} ${pick(THEMES)} ${city} ${seed}-${i + 1}`,
        legalForm: pick(LEGAL_FORMS),
        sectors,
        department,
        city,
        description: `Structure de l’économie sociale et solidaire à ${city}, active en ${sectors.join(', ')}. Elle coopère avec les acteurs du territoire et cherche de nouveaux partenaires.`,
        offers: some(OFFERS, 2 + Math.floor(random() * 2)),
        needs: some(NEEDS, 1 + Math.floor(random() * 2)),
        website: null,
      });
      const exhibitor = await manager.save(
        manager.create(Exhibitor, {
          editionId: edition.id,
          organizationId: organization.id,
          stand: `S${String(i + 1).padStart(3, '0')}`,
        }),
      );
      const email = `exposant${i + 1}.${seed}@synthetic.example`;
      const user = await manager.save(
        manager.create(User, {
          email,
          passwordHash,
          role: 'exhibitor',
          firstName: pick(FIRST),
          lastName: pick(LAST),
          organizationId: organization.id,
        }),
      );
      await manager.insert(
        Participant,
        manager.create(Participant, {
          editionId: edition.id,
          userId: user.id,
          kind: 'exhibitor',
          exhibitorId: exhibitor.id,
          interests: [],
          badgeCode: newBadgeCode(),
          category: null,
          organizationName: null,
          checkedInAt: null,
        }),
      );
      exhibitorEmails.push(email);
    }
    const users: User[] = [];
    const participants: Participant[] = [];
    for (let i = 0; i < visitors; i++) {
      const email = `visiteur${i + 1}.${seed}@synthetic.example`;
      const user = manager.create(User, {
        email,
        passwordHash,
        role: 'visitor',
        firstName: pick(FIRST),
        lastName: pick(LAST),
        organizationId: null,
      });
      users.push(user);
      participants.push(
        manager.create(Participant, {
          editionId: edition.id,
          userId: user.id,
          kind: 'visitor',
          exhibitorId: null,
          category: random() < 0.75 ? 'professional' : 'public',
          organizationName: null,
          interests: some(SECTORS, 2),
          badgeCode: newBadgeCode(),
          checkedInAt: null,
        }),
      );
      visitorEmails.push(email);
    }
    for (let i = 0; i < users.length; i += 500) {
      await manager.insert(User, users.slice(i, i + 500));
      await manager.insert(Participant, participants.slice(i, i + 500));
    }
  });
  return { editionId: edition.id, exhibitorEmails, visitorEmails, password };
}
