/**
 * Demo data for Coventis, the business convention of the social and solidarity economy (ESS)
 * in Languedoc-Roussillon / Occitanie, held at the Corum in Montpellier.
 *
 * Pure data; its one import is the API's type of an organization. The organizations named in the source documents (REPLIC and its
 * cooperatives, Alter'Incub, COEPTIS, REALIS, FRCA, UNAT, Le Lazaret, V@SI, the financial and
 * mutual partners) keep the facts the documents give; every contact person, visitor, meeting and
 * figure not taken from the documents is fictional. The other structures are invented but
 * plausible ESS structures of the region.
 *
 * Sector vocabulary (shared by organizations and visitor interests):
 * alimentation, agriculture, tourisme, recyclage, mobilité, logistique, finance, assurance,
 * formation, innovation sociale, insertion, restauration, santé, sport, culture, habitat,
 * numérique, énergie.
 */

import type { Organization } from '../src/contract/api.js';

export interface DemoOrganization extends Omit<Organization, 'id' | 'website'> {
  key: string;
  stand: string;
  contact: { firstName: string; lastName: string; email: string };
}

export interface DemoVisitor {
  firstName: string;
  lastName: string;
  email: string;
  category: 'professional' | 'public';
  organizationName?: string;
  interests: string[];
}

export interface DemoMeeting {
  from: string;
  to: string;
  message: string;
  status: 'requested' | 'scheduled' | 'held' | 'declined' | 'cancelled';
  outcome?: 'no_follow_up' | 'follow_up' | 'convention_envisaged';
}

export interface DemoConvention {
  key: string;
  title: string;
  kind: 'supply' | 'partnership' | 'subcontracting' | 'service' | 'financing' | 'other';
  description: string;
  parties: { org: string; role: string; public: boolean }[];
  status: 'envisaged' | 'negotiating' | 'signed' | 'in_force' | 'completed' | 'abandoned';
  fromMeetings: { from: string; to: string }[];
  estimatedAnnualValueEur?: number;
  jobsCreated?: number;
  insertionJobs?: number;
  /** 0..1 */
  localSupplyShare?: number;
  history: { status: string; note: string; daysAfterEvent: number }[];
  followUps: { note: string; daysAfterEvent: number }[];
}

export const DEMO_PASSWORD: string = 'coventis-demo';

export const DEMO_EDITION: {
  name: string;
  city: string;
  venue: string;
  timezone: string;
  slotMinutes: number;
  breakMinutes: number;
  tables: number;
  days: { date: string; start: string; end: string }[];
} = {
  name: "Coventis 2027 — Convention d'affaires de l'ESS",
  city: 'Montpellier',
  venue: 'Le Corum',
  timezone: 'Europe/Paris',
  slotMinutes: 20,
  breakMinutes: 5,
  tables: 30,
  days: [
    { date: '2027-05-19', start: '09:00', end: '17:30' },
    { date: '2027-05-20', start: '09:00', end: '17:30' },
  ],
};

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  // ── Hall A : le réseau REALIS et l'innovation sociale ──────────────────────────────────────
  {
    key: 'replic',
    name: 'REPLIC',
    legalForm: 'scic',
    sectors: ['innovation sociale', 'insertion'],
    department: '34',
    city: 'Montpellier',
    description:
      "Groupe coopératif réunissant des associés publics et privés, REPLIC crée des entreprises d'utilité sociale et environnementale en réponse aux besoins repérés sur le territoire. Il repère en France et à l'étranger des expériences réussies d'entrepreneuriat social pour les reproduire en région. Aujourd'hui : 4 coopératives en activité, 57 salariés dont 36 en insertion, et 62 associés.",
    offers: [
      "création et essaimage d'entreprises d'utilité sociale",
      'ingénierie de projets territoriaux',
      'accompagnement des collectivités sur des besoins non couverts',
    ],
    needs: [
      'formation des futurs dirigeants des coopératives',
      'collectivités partenaires pour de nouvelles activités',
    ],
    stand: 'A01',
    contact: { firstName: 'Bernard', lastName: 'Estève', email: 'replic@demo.example' },
  },
  {
    key: 'feuille-erable',
    name: "La Feuille d'Érable",
    legalForm: 'entreprise_insertion',
    sectors: ['recyclage', 'insertion'],
    department: '34',
    city: 'Montpellier',
    description:
      "Coopérative du groupe REPLIC, La Feuille d'Érable collecte et recycle les déchets professionnels : papier, carton et plastiques. Conventionnée entreprise d'insertion, elle propose à des personnes éloignées de l'emploi un parcours qualifiant dans les métiers de la collecte et du tri. Ses tournées desservent bureaux, administrations et commerces de la métropole.",
    offers: [
      'collecte et recyclage des déchets de bureau (papier, carton, plastiques)',
      'destruction sécurisée des archives confidentielles',
      'bilan annuel des tonnages recyclés',
    ],
    needs: [
      'contrats de collecte auprès des entreprises et administrations',
      'débouchés locaux pour les matières triées',
    ],
    stand: 'A02',
    contact: { firstName: 'Nadia', lastName: 'Belkacem', email: 'feuille-erable@demo.example' },
  },
  {
    key: 'table-cana',
    name: 'La Table de Cana',
    legalForm: 'scic',
    sectors: ['restauration', 'insertion', 'alimentation'],
    department: '34',
    city: 'Montpellier',
    description:
      "Des professionnels de la restauration mettent leur savoir-faire au service de l'organisation d'événements, en privilégiant l'accès à l'emploi de personnes en difficulté. Coopérative du groupe REPLIC présente à Montpellier et à Perpignan, La Table de Cana cuisine des produits frais et de saison pour les séminaires, colloques et réceptions.",
    offers: [
      'traiteur pour événements, séminaires et colloques',
      'plateaux-repas et buffets de produits frais',
      "parcours d'insertion en cuisine et en service",
    ],
    needs: [
      'fruits, légumes et vins régionaux en circuit court',
      'nouveaux clients pour les événements professionnels',
    ],
    stand: 'A03',
    contact: { firstName: 'Rémi', lastName: 'Carrière', email: 'table-cana@demo.example' },
  },
  {
    key: 'label-route',
    name: 'Label Route',
    legalForm: 'scop',
    sectors: ['logistique', 'mobilité'],
    department: '34',
    city: 'Montpellier',
    description:
      "Plateforme de logistique urbaine d'éco-distribution du groupe REPLIC, Label Route assure le dernier kilomètre en véhicules électriques dans les centres-villes de Montpellier et de Nîmes. La coopérative mutualise les flux de marchandises pour réduire le nombre de camions en ville, la pollution et le bruit.",
    offers: [
      'livraison du dernier kilomètre en véhicules électriques',
      'livraisons mutualisées en centre-ville',
      'stockage tampon à proximité du cœur de ville',
    ],
    needs: [
      'maintenance de véhicules utilitaires électriques',
      'commerçants et producteurs à livrer en centre-ville',
    ],
    stand: 'A04',
    contact: { firstName: 'Sophie', lastName: 'Lauret', email: 'label-route@demo.example' },
  },
  {
    key: 'mobileco',
    name: 'Mobileco',
    legalForm: 'entreprise_insertion',
    sectors: ['mobilité', 'insertion'],
    department: '34',
    city: 'Montpellier',
    description:
      "Entreprise d'insertion du groupe REPLIC, Mobileco favorise l'usage des véhicules électriques : vélo, scooter, voiture et utilitaire. Elle loue, entretient et répare des flottes pour les entreprises et les collectivités, et forme ses salariés en insertion aux métiers de la maintenance.",
    offers: [
      'location et maintenance de véhicules électriques (vélos, scooters, utilitaires)',
      'plans de mobilité pour les entreprises',
      "sensibilisation à l'éco-mobilité",
    ],
    needs: [
      'financement du renouvellement de la flotte',
      'assurance adaptée aux flottes de véhicules électriques',
    ],
    stand: 'A05',
    contact: { firstName: 'Karim', lastName: 'Haddouche', email: 'mobileco@demo.example' },
  },
  {
    key: 'alter-incub',
    name: "Alter'Incub",
    legalForm: 'other',
    sectors: ['innovation sociale', 'formation'],
    department: '34',
    city: 'Montpellier',
    description:
      "Incubateur d'entreprises sociales innovantes porté par l'URSCOP, Alter'Incub est la fabrique à initiatives du Languedoc-Roussillon. Il met en lien les porteurs de projet avec les acteurs du territoire et la recherche en sciences humaines et sociales. En trois ans : 88 projets reçus, 32 sélectionnés et 12 créations représentant 37 emplois.",
    offers: [
      "incubation de projets d'innovation sociale",
      "jusqu'à 15 000 € pour des études techniques et commerciales",
      "journées collectives d'échanges entre porteurs de projet",
    ],
    needs: [
      'porteurs de projets socialement innovants',
      'entreprises prêtes à expérimenter avec les projets incubés',
    ],
    stand: 'A06',
    contact: { firstName: 'Claire', lastName: 'Vasseur', email: 'alter-incub@demo.example' },
  },
  {
    key: 'coeptis',
    name: "École de l'Entrepreneuriat en Économie Sociale (COEPTIS)",
    legalForm: 'scic',
    sectors: ['formation', 'innovation sociale'],
    department: '34',
    city: 'Montpellier',
    description:
      "Créée en 2009 à l'initiative de la CRES et de l'URSCOP, en partenariat pédagogique avec le CAFOC, l'École forme les dirigeants et cadres dirigeants de l'économie sociale. Constituée en SCIC avec plus de 25 sociétaires, elle propose des cycles diplômants, dont le titre de « dirigeant d'entreprise de l'économie sociale », et des formations sur mesure.",
    offers: [
      "cycles diplômants pour dirigeants de l'ESS",
      'formations sur mesure en gouvernance coopérative',
      'accompagnement des équipes de direction',
    ],
    needs: ['lieux de séminaire pour les promotions', 'dirigeants et cadres en prise de poste'],
    stand: 'A07',
    contact: { firstName: 'Jean-Marc', lastName: 'Pélissier', email: 'coeptis@demo.example' },
  },
  {
    key: 'realis',
    name: 'REALIS',
    legalForm: 'other',
    sectors: ['innovation sociale', 'formation'],
    department: '34',
    city: 'Montpellier',
    description:
      "Pôle régional d'innovation sociale inauguré en décembre 2013 près du quartier de la Mosson, REALIS héberge et accompagne pendant trois ans une trentaine d'entreprises de l'ESS. Son bâtiment éco-conçu de 4 000 m² est pensé pour favoriser les rencontres entre entreprises hébergées. REALIS pilote aussi la YESS Académie.",
    offers: [
      "hébergement et bureaux pour jeunes entreprises de l'ESS",
      'accompagnement personnalisé et collectif pendant 3 ans',
      'salles de réunion et services mutualisés',
    ],
    needs: [
      'traiteur pour les événements du pôle',
      'collecte et recyclage des déchets de bureau',
      "mentors issus des entreprises de l'ESS",
    ],
    stand: 'A08',
    contact: { firstName: 'Laure', lastName: 'Bénézech', email: 'realis@demo.example' },
  },
  {
    key: 'vasi',
    name: 'V@SI',
    legalForm: 'other',
    sectors: ['santé', 'sport'],
    department: '34',
    city: 'Montpellier',
    description:
      "Entreprise accompagnée par la pépinière REALIS, V@SI propose des activités physiques adaptées à des patients atteints de pathologies qui les isolent socialement. Elle a obtenu le premier financement du Fonds d'innovation sociale (FISO) attribué en France. Ses éducateurs interviennent en établissements de santé, en entreprise et lors de séances collectives de quartier.",
    offers: [
      "programmes d'activité physique adaptée sur prescription",
      'ateliers de prévention en établissements et en entreprises',
      "séances collectives pour rompre l'isolement",
    ],
    needs: [
      "mutuelles partenaires pour la prise en charge de l'activité physique adaptée",
      'établissements de santé prescripteurs',
      "financement du changement d'échelle",
    ],
    stand: 'A09',
    contact: { firstName: 'Thomas', lastName: 'Rieu', email: 'vasi@demo.example' },
  },
  {
    key: 'octets-solidaires',
    name: 'Les Octets Solidaires',
    legalForm: 'scop',
    sectors: ['numérique', 'formation'],
    department: '34',
    city: 'Montpellier',
    description:
      "SCOP de développeurs et de formateurs installée à REALIS, Les Octets Solidaires conçoivent des sites et des outils numériques accessibles pour les associations et les collectivités. L'équipe privilégie les logiciels libres et l'hébergement local, et anime des ateliers d'inclusion numérique.",
    offers: [
      'sites web accessibles et outils en logiciels libres',
      'plateformes de réservation en ligne',
      "ateliers d'inclusion numérique",
    ],
    needs: [
      'réseaux associatifs à équiper',
      'partenaires pour des ateliers en quartiers prioritaires',
    ],
    stand: 'A10',
    contact: { firstName: 'Inès', lastName: 'Marchal', email: 'octets-solidaires@demo.example' },
  },

  // ── Hall B : agriculture, alimentation, tourisme ──────────────────────────────────────────
  {
    key: 'frca',
    name: 'FRCA Languedoc-Roussillon',
    legalForm: 'cooperative',
    sectors: ['agriculture', 'alimentation'],
    department: '34',
    city: 'Montpellier',
    description:
      'La Fédération régionale de la coopération agricole représente les coopératives agricoles et agroalimentaires de la région : caves coopératives, fruits et légumes, céréales, élevage. Elle aide ses adhérents à conquérir de nouveaux débouchés, notamment en restauration collective et touristique, en privilégiant les circuits courts.',
    offers: [
      'produits régionaux en circuit court issus des coopératives adhérentes',
      'mise en relation avec caves coopératives et coopératives fruitières',
      'organisation de livraisons groupées',
    ],
    needs: [
      'débouchés en restauration collective et touristique',
      'partenaires logistiques pour les livraisons',
    ],
    stand: 'B01',
    contact: { firstName: 'Pierre', lastName: 'Cabanel', email: 'frca@demo.example' },
  },
  {
    key: 'unat',
    name: 'UNAT Languedoc-Roussillon',
    legalForm: 'association',
    sectors: ['tourisme'],
    department: '34',
    city: 'Montpellier',
    description:
      "Délégation régionale de l'Union nationale des associations de tourisme, l'UNAT fédère les villages vacances, centres de vacances et auberges associatifs de la région. Elle défend un tourisme accessible à tous et accompagne ses adhérents dans leurs achats, la qualité de leur accueil et leur ancrage territorial.",
    offers: [
      'réseau de villages vacances associatifs',
      'achats groupés pour les hébergements adhérents',
      'séjours pour familles, groupes et classes de découverte',
    ],
    needs: [
      'fournisseurs régionaux pour la restauration des adhérents',
      'outil de réservation en ligne commun',
      'animations culturelles et sportives pour les vacanciers',
    ],
    stand: 'B02',
    contact: { firstName: 'Martine', lastName: 'Roussel', email: 'unat@demo.example' },
  },
  {
    key: 'lazaret',
    name: 'Le Lazaret',
    legalForm: 'association',
    sectors: ['tourisme', 'restauration'],
    department: '34',
    city: 'Sète',
    description:
      "Village vacances associatif installé sur la corniche de Sète, face à la mer, Le Lazaret accueille familles, groupes, classes de découverte et séminaires. Adhérent de l'UNAT, il gère lui-même sa restauration et veut y faire une plus grande place aux produits de la région, sans rien céder sur la qualité des repas.",
    offers: [
      'hébergement de groupes et de familles face à la mer',
      'salles de séminaire avec restauration sur place',
      'séjours de classes de découverte',
    ],
    needs: [
      'produits régionaux en circuit court pour la restauration',
      'livraisons adaptées aux petits volumes',
      'blanchisserie pour le linge de lit et de table',
    ],
    stand: 'B03',
    contact: { firstName: 'Hélène', lastName: 'Castanier', email: 'lazaret@demo.example' },
  },
  {
    key: 'vignerons-garrigue',
    name: 'Les Vignerons de la Garrigue',
    legalForm: 'cooperative',
    sectors: ['agriculture', 'alimentation', 'tourisme'],
    department: '34',
    city: 'Saint-Mathieu-de-Tréviers',
    description:
      "Cave coopérative du nord de Montpellier réunissant environ 120 vignerons, Les Vignerons de la Garrigue vinifient des vins AOP et IGP dont une part croissante est issue de l'agriculture biologique. La cave développe la vente directe aux restaurateurs et aux hébergeurs touristiques de la région.",
    offers: [
      'vins AOP et IGP en bouteille, en BIB et en vrac',
      'visites de cave et dégustations pour les groupes',
    ],
    needs: [
      'débouchés en restauration et hébergement touristique',
      'réemploi des bouteilles en verre',
    ],
    stand: 'B04',
    contact: { firstName: 'Guilhem', lastName: 'Fabre', email: 'vignerons-garrigue@demo.example' },
  },
  {
    key: 'vergers-catalans',
    name: 'Les Vergers Catalans',
    legalForm: 'cooperative',
    sectors: ['agriculture', 'alimentation'],
    department: '66',
    city: 'Elne',
    description:
      "Coopérative fruitière de la plaine du Roussillon adhérente de la FRCA, Les Vergers Catalans regroupent une soixantaine d'arboriculteurs qui produisent abricots, pêches et nectarines. Face aux aléas climatiques, la coopérative cherche à sécuriser ses récoltes et à diversifier ses revenus.",
    offers: [
      'abricots, pêches et nectarines du Roussillon en circuit court',
      'toitures de hangars agricoles pour le photovoltaïque',
    ],
    needs: [
      'prévention des risques climatiques (grêle, gel)',
      'débouchés en restauration collective',
    ],
    stand: 'B05',
    contact: { firstName: 'Jordi', lastName: 'Sala', email: 'vergers-catalans@demo.example' },
  },
  {
    key: 'fromagerie-causses',
    name: 'Coopérative fromagère des Causses',
    legalForm: 'cooperative',
    sectors: ['agriculture', 'alimentation'],
    department: '48',
    city: 'Meyrueis',
    description:
      "Coopérative laitière des causses lozériens, elle transforme le lait de brebis et de chèvre d'une trentaine d'éleveurs en tommes, fromages frais et pélardons. Elle souhaite mieux se faire connaître hors du département, en particulier auprès de la restauration touristique.",
    offers: [
      'fromages de brebis et de chèvre de Lozère',
      'visites de la fromagerie pour les groupes',
    ],
    needs: ['débouchés en restauration touristique', 'transport réfrigéré mutualisé'],
    stand: 'B06',
    contact: { firstName: 'Odile', lastName: 'Bastide', email: 'fromagerie-causses@demo.example' },
  },
  {
    key: 'jardins-cite',
    name: 'Les Jardins de la Cité',
    legalForm: 'association',
    sectors: ['agriculture', 'insertion', 'alimentation'],
    department: '11',
    city: 'Carcassonne',
    description:
      "Chantier d'insertion en maraîchage biologique au pied de la Cité de Carcassonne, l'association emploie une vingtaine de salariés en parcours d'insertion. Elle distribue chaque semaine des paniers de légumes à ses adhérents et approvisionne quelques cantines du Carcassonnais.",
    offers: [
      'paniers de légumes bio hebdomadaires',
      'légumes bio de saison pour la restauration collective',
      "parcours d'insertion en maraîchage",
    ],
    needs: [
      "financement d'une chambre froide",
      'transport réfrigéré mutualisé',
      'nouveaux clients en restauration collective',
    ],
    stand: 'B07',
    contact: { firstName: 'Yasmina', lastName: 'Ferhat', email: 'jardins-cite@demo.example' },
  },
  {
    key: 'cuisines-biterrois',
    name: 'Les Cuisines Solidaires du Biterrois',
    legalForm: 'entreprise_insertion',
    sectors: ['restauration', 'insertion', 'alimentation'],
    department: '34',
    city: 'Béziers',
    description:
      "Cuisine centrale conventionnée entreprise d'insertion, elle prépare chaque jour environ 1 800 repas pour des crèches, des écoles et le portage à domicile de l'agglomération de Béziers. Les salariés en insertion y apprennent les métiers de la restauration collective.",
    offers: [
      'repas pour crèches, écoles et restauration collective',
      'repas livrés pour le portage à domicile',
      'formation aux métiers de la restauration collective',
    ],
    needs: [
      'légumes bio de saison pour la cuisine centrale',
      'produits régionaux en circuit court',
    ],
    stand: 'B08',
    contact: {
      firstName: 'Christophe',
      lastName: 'Azaïs',
      email: 'cuisines-biterrois@demo.example',
    },
  },
  {
    key: 'bergerie-cevennes',
    name: 'La Bergerie des Cévennes',
    legalForm: 'association',
    sectors: ['tourisme', 'restauration'],
    department: '30',
    city: 'Saint-Jean-du-Gard',
    description:
      "Village vacances associatif au cœur des Cévennes, adhérent de l'UNAT, La Bergerie accueille familles et groupes de randonneurs d'avril à octobre en pension complète. Elle prépare la rénovation énergétique de ses bâtiments en pierre et le réaménagement de ses chambres.",
    offers: [
      'séjours de randonnée et de découverte des Cévennes',
      'hébergement de groupes en pension complète',
    ],
    needs: [
      'mobilier de réemploi pour la rénovation des chambres',
      'rénovation énergétique des bâtiments',
      'animations culturelles pour les vacanciers',
    ],
    stand: 'B09',
    contact: { firstName: 'Lucie', lastName: 'Teissier', email: 'bergerie-cevennes@demo.example' },
  },
  {
    key: 'pain-d-ici',
    name: "Le Pain d'Ici",
    legalForm: 'scop',
    sectors: ['alimentation'],
    department: '30',
    city: 'Nîmes',
    description:
      "Boulangerie nîmoise reprise par ses salariés en SCOP, Le Pain d'Ici fabrique des pains au levain à partir de blés anciens cultivés dans le Gard. Elle fournit ses trois boutiques, des épiceries et quelques restaurants collectifs.",
    offers: [
      'pains au levain et viennoiseries à partir de farines locales',
      'livraison de pain aux restaurants collectifs',
    ],
    needs: [
      'livraisons mutualisées en centre-ville',
      'nouveaux clients en hébergement touristique',
    ],
    stand: 'B10',
    contact: { firstName: 'Mathieu', lastName: 'Brunel', email: 'pain-d-ici@demo.example' },
  },

  // ── Hall C : finance solidaire, mutuelles, réseaux ────────────────────────────────────────
  {
    key: 'airdie',
    name: 'AIRDIE',
    legalForm: 'association',
    sectors: ['finance'],
    department: '34',
    city: 'Montpellier',
    description:
      "Acteur historique du financement solidaire en Languedoc-Roussillon, l'AIRDIE accompagne les créateurs d'entreprise et les structures de l'ESS dans le montage de leur plan de financement. Elle mobilise garanties d'emprunt, prêts solidaires et son réseau de banques partenaires.",
    offers: [
      "garanties d'emprunt bancaire",
      "prêts solidaires pour les structures de l'ESS",
      'expertise du plan de financement',
    ],
    needs: [
      "structures de l'ESS en création ou en développement",
      "cofinanceurs pour les projets d'insertion",
    ],
    stand: 'C01',
    contact: { firstName: 'Sylvie', lastName: 'Combarnous', email: 'airdie@demo.example' },
  },
  {
    key: 'france-active',
    name: 'France Active Occitanie',
    legalForm: 'association',
    sectors: ['finance'],
    department: '31',
    city: 'Toulouse',
    description:
      "Réseau de la finance solidaire, France Active accompagne et finance les entrepreneurs engagés : associations, coopératives, entreprises d'insertion et créateurs qui accèdent difficilement au crédit. En Occitanie, elle intervient en prêts participatifs et en investissement en fonds propres.",
    offers: [
      "investissement en fonds propres dans les entreprises de l'ESS",
      'prêts participatifs',
      "accompagnement au changement d'échelle",
    ],
    needs: ["projets de l'ESS en phase de changement d'échelle"],
    stand: 'C02',
    contact: { firstName: 'Olivier', lastName: 'Dupuy', email: 'france-active@demo.example' },
  },
  {
    key: 'caisse-epargne',
    name: "Caisse d'Épargne Languedoc-Roussillon",
    legalForm: 'cooperative',
    sectors: ['finance'],
    department: '34',
    city: 'Montpellier',
    description:
      "Banque coopérative régionale détenue par ses sociétaires, la Caisse d'Épargne Languedoc-Roussillon accompagne associations, bailleurs sociaux et entreprises de l'ESS. Elle soutient aussi des projets locaux par le mécénat et le microcrédit accompagné.",
    offers: [
      "financement des investissements des associations et entreprises de l'ESS",
      'crédit-bail pour véhicules et équipements',
      'microcrédit personnel accompagné',
    ],
    needs: [
      'prestataire local pour la collecte des déchets de bureau des agences',
      'projets solidaires à soutenir par le mécénat',
    ],
    stand: 'C03',
    contact: { firstName: 'Isabelle', lastName: 'Garrigues', email: 'caisse-epargne@demo.example' },
  },
  {
    key: 'credit-cooperatif',
    name: 'Crédit Coopératif',
    legalForm: 'cooperative',
    sectors: ['finance', 'énergie'],
    department: '34',
    city: 'Montpellier',
    description:
      "Banque coopérative de l'économie sociale, le Crédit Coopératif finance associations, coopératives, mutuelles et entreprises d'insertion. Son agence de Montpellier propose aussi une épargne solidaire qui oriente l'argent des épargnants vers des projets utiles, dont les énergies renouvelables citoyennes.",
    offers: [
      "prêts aux structures de l'ESS",
      "financement des projets d'énergie renouvelable citoyenne",
      'épargne solidaire et de partage',
    ],
    needs: ['projets coopératifs à financer dans la région'],
    stand: 'C04',
    contact: {
      firstName: 'François',
      lastName: 'Lemaire',
      email: 'credit-cooperatif@demo.example',
    },
  },
  {
    key: 'groupama',
    name: 'Groupama Méditerranée',
    legalForm: 'mutuelle',
    sectors: ['assurance', 'agriculture'],
    department: '34',
    city: 'Montpellier',
    description:
      "Mutuelle d'assurance née du monde agricole, Groupama Méditerranée assure exploitations, coopératives, collectivités et associations. Ses conseillers en prévention accompagnent les agriculteurs face aux risques climatiques.",
    offers: [
      'assurance des exploitations et coopératives agricoles',
      'prévention des risques climatiques',
      'assurance des associations et de leurs bénévoles',
    ],
    needs: ['coopératives agricoles à accompagner en prévention'],
    stand: 'C05',
    contact: { firstName: 'Didier', lastName: 'Couderc', email: 'groupama@demo.example' },
  },
  {
    key: 'matmut',
    name: 'Matmut',
    legalForm: 'mutuelle',
    sectors: ['assurance', 'mobilité'],
    department: '34',
    city: 'Montpellier',
    description:
      "Mutuelle d'assurance, la Matmut propose aux particuliers, aux associations et aux entreprises de l'ESS des contrats auto, habitation, santé et prévoyance. Elle s'investit dans la prévention routière et soutient les démarches de mobilité durable.",
    offers: [
      'assurance de flottes de véhicules, y compris électriques',
      'contrats multirisques pour associations',
      'actions de prévention routière',
    ],
    needs: [
      'acteurs de la mobilité électrique',
      'partenaires pour des actions de prévention routière',
    ],
    stand: 'C06',
    contact: { firstName: 'Émilie', lastName: 'Chauvet', email: 'matmut@demo.example' },
  },
  {
    key: 'chorum',
    name: 'Chorum',
    legalForm: 'mutuelle',
    sectors: ['assurance', 'santé'],
    department: '34',
    city: 'Montpellier',
    description:
      "Mutuelle dédiée aux acteurs de l'économie sociale et solidaire, Chorum protège les salariés des associations, coopératives et fondations en prévoyance et en santé. Sa délégation régionale accompagne les employeurs sur la qualité de vie au travail et la prévention des risques professionnels.",
    offers: [
      "prévoyance et complémentaire santé pour les salariés de l'ESS",
      'accompagnement des employeurs sur la qualité de vie au travail',
      'diagnostics de prévention des risques professionnels',
    ],
    needs: [
      "employeurs de l'ESS à accompagner",
      'programmes de prévention santé pour les salariés',
    ],
    stand: 'C07',
    contact: { firstName: 'Stéphane', lastName: 'Marty', email: 'chorum@demo.example' },
  },
  {
    key: 'mutuelle-roussillon',
    name: 'Mutuelle Solidaire du Roussillon',
    legalForm: 'mutuelle',
    sectors: ['santé', 'assurance'],
    department: '66',
    city: 'Perpignan',
    description:
      "Mutuelle santé régionale de 40 000 adhérents, elle propose des complémentaires santé individuelles et collectives aux habitants et aux associations des Pyrénées-Orientales. Elle finance des actions de prévention et souhaite expérimenter la prise en charge de l'activité physique adaptée.",
    offers: [
      'complémentaires santé collectives pour les associations',
      "prise en charge de l'activité physique adaptée",
      'actions de prévention santé',
    ],
    needs: [
      "programmes d'activité physique adaptée pour ses adhérents",
      'relais associatifs dans les quartiers',
    ],
    stand: 'C08',
    contact: { firstName: 'Núria', lastName: 'Puig', email: 'mutuelle-roussillon@demo.example' },
  },
  {
    key: 'fondation-terres',
    name: 'Fondation Terres Solidaires du Languedoc',
    legalForm: 'fondation',
    sectors: ['agriculture', 'finance', 'innovation sociale'],
    department: '34',
    city: 'Montpellier',
    description:
      "Fondation territoriale créée par des coopératives agricoles et des mutuelles, elle soutient l'installation de jeunes agriculteurs, l'agriculture biologique et les projets alimentaires solidaires. Elle attribue chaque année des subventions et un prix de l'innovation sociale agricole.",
    offers: [
      'subventions pour les projets alimentaires solidaires',
      "prix annuel de l'innovation sociale agricole",
    ],
    needs: ['projets agricoles solidaires à soutenir', 'cofinanceurs privés'],
    stand: 'C09',
    contact: { firstName: 'Agnès', lastName: 'Vialla', email: 'fondation-terres@demo.example' },
  },
  {
    key: 'urscop',
    name: 'URSCOP Languedoc-Roussillon',
    legalForm: 'association',
    sectors: ['innovation sociale', 'finance'],
    department: '34',
    city: 'Montpellier',
    description:
      "L'Union régionale des Scop et des Scic accompagne la création, la reprise et la transmission d'entreprises sous forme coopérative. Depuis 2006, elle construit avec ses partenaires un ensemble de dispositifs au service de l'innovation sociale, dont l'incubateur Alter'Incub.",
    offers: [
      'accompagnement à la création et à la transmission en Scop ou Scic',
      'conseil juridique et financier aux coopératives',
      'révision coopérative',
    ],
    needs: [
      'dirigeants prêts à transmettre leur entreprise à leurs salariés',
      'partenaires financiers des reprises',
    ],
    stand: 'C10',
    contact: { firstName: 'Patrick', lastName: 'Bonnafous', email: 'urscop@demo.example' },
  },
  {
    key: 'uriopss',
    name: 'URIOPSS Occitanie',
    legalForm: 'association',
    sectors: ['santé', 'formation'],
    department: '34',
    city: 'Montpellier',
    description:
      "L'Union régionale interfédérale des organismes privés sanitaires et sociaux fédère associations, fondations et mutuelles des secteurs sanitaire, social et médico-social. Elle informe et forme ses adhérents, et porte leur voix auprès des pouvoirs publics.",
    offers: [
      'veille juridique et formation des dirigeants associatifs',
      'appui aux coopérations entre établissements',
      'observation des besoins sociaux',
    ],
    needs: ['outils numériques mutualisés pour les adhérents', 'achats responsables groupés'],
    stand: 'C11',
    contact: { firstName: 'Catherine', lastName: 'Delorme', email: 'uriopss@demo.example' },
  },

  // ── Hall D : environnement, habitat, énergie, santé, culture, sport ───────────────────────
  {
    key: 'ressourcerie-cevenole',
    name: 'La Ressourcerie Cévenole',
    legalForm: 'association',
    sectors: ['recyclage', 'insertion'],
    department: '30',
    city: 'Alès',
    description:
      "Ressourcerie associative d'Alès, elle collecte les objets dont habitants et entreprises n'ont plus l'usage, les répare et les revend à petit prix dans sa boutique. Une quinzaine de salariés en parcours d'insertion y travaillent aux côtés de bénévoles.",
    offers: [
      "collecte d'encombrants et de mobilier",
      'mobilier de réemploi pour les hébergements et les bureaux',
      'ateliers de réparation ouverts au public',
    ],
    needs: [
      "financement d'un nouveau local de stockage",
      "transport pour les collectes en dehors d'Alès",
    ],
    stand: 'D01',
    contact: {
      firstName: 'Damien',
      lastName: 'Pujol',
      email: 'ressourcerie-cevenole@demo.example',
    },
  },
  {
    key: 'energies-catalanes',
    name: 'Énergies Citoyennes Catalanes',
    legalForm: 'scic',
    sectors: ['énergie'],
    department: '66',
    city: 'Perpignan',
    description:
      "Société coopérative d'intérêt collectif réunissant habitants, collectivités et entreprises, elle installe et exploite des centrales photovoltaïques sur les toitures des Pyrénées-Orientales. Les bénéfices sont réinvestis dans de nouveaux projets et dans des actions de sobriété énergétique.",
    offers: [
      'centrales photovoltaïques citoyennes sur toitures',
      'accompagnement des collectivités en sobriété énergétique',
      'investissement participatif des habitants',
    ],
    needs: [
      'toitures de hangars ou de bâtiments publics à équiper',
      'prêts bancaires pour de nouvelles centrales',
    ],
    stand: 'D02',
    contact: { firstName: 'Marc', lastName: 'Vidal', email: 'energies-catalanes@demo.example' },
  },
  {
    key: 'bois-lozere',
    name: 'Bois & Habitat Lozère',
    legalForm: 'scop',
    sectors: ['habitat', 'énergie'],
    department: '48',
    city: 'Mende',
    description:
      "SCOP de charpentiers et de menuisiers installée à Mende, Bois & Habitat Lozère construit et rénove avec le bois des forêts lozériennes. Elle réalise des ossatures bois, de l'isolation en fibre de bois et la rénovation énergétique de bâtiments anciens.",
    offers: [
      'construction à ossature bois local',
      'rénovation énergétique de bâtiments anciens',
      'mobilier en bois local',
    ],
    needs: [
      'chantiers de rénovation de bâtiments associatifs ou sociaux',
      'accompagnement à la transformation en Scic',
    ],
    stand: 'D03',
    contact: { firstName: 'Julien', lastName: 'Malaval', email: 'bois-lozere@demo.example' },
  },
  {
    key: 'ateliers-garrigues',
    name: 'ESAT Les Ateliers des Garrigues',
    legalForm: 'association',
    sectors: ['insertion', 'santé'],
    department: '30',
    city: 'Nîmes',
    description:
      "Établissement et service d'aide par le travail géré par une association nîmoise, il emploie 90 travailleurs en situation de handicap. Ses ateliers assurent la blanchisserie, l'entretien des espaces verts et le conditionnement pour des clients publics et privés.",
    offers: [
      'blanchisserie pour hébergements touristiques et établissements',
      'entretien des espaces verts',
      'conditionnement et mise sous pli',
    ],
    needs: [
      'contrats de sous-traitance avec les entreprises du Gard',
      'clients réguliers pour la blanchisserie',
    ],
    stand: 'D04',
    contact: {
      firstName: 'Véronique',
      lastName: 'Arnal',
      email: 'ateliers-garrigues@demo.example',
    },
  },
  {
    key: 'fondation-habitat',
    name: 'Fondation Habitat Solidaire du Gard',
    legalForm: 'fondation',
    sectors: ['habitat', 'insertion'],
    department: '30',
    city: 'Nîmes',
    description:
      'Fondation dédiée au logement des personnes en difficulté, elle acquiert et rénove des logements anciens dans le Gard pour les proposer à des loyers très sociaux. Ses travailleurs sociaux accompagnent les locataires vers un logement durable.',
    offers: ['logements passerelles à loyer très social', 'accompagnement social des locataires'],
    needs: [
      'rénovation énergétique de logements anciens',
      'mobilier de réemploi pour les logements',
      "partenaires d'insertion pour les chantiers",
    ],
    stand: 'D05',
    contact: { firstName: 'Samir', lastName: 'Benali', email: 'fondation-habitat@demo.example' },
  },
  {
    key: 'cine-causses',
    name: 'Ciné-Causses',
    legalForm: 'association',
    sectors: ['culture', 'tourisme'],
    department: '48',
    city: 'Florac',
    description:
      "Association de cinéma itinérant, Ciné-Causses projette films récents et documentaires dans les villages de Lozère et des Cévennes. L'été, elle organise des séances en plein air pour les campings et les villages vacances.",
    offers: [
      'projections de cinéma itinérant en milieu rural',
      'séances en plein air pour les villages vacances',
      "ateliers d'éducation à l'image",
    ],
    needs: [
      "lieux d'accueil pour des séances estivales",
      "financement d'un nouveau projecteur numérique",
    ],
    stand: 'D06',
    contact: { firstName: 'Camille', lastName: 'Prat', email: 'cine-causses@demo.example' },
  },
  {
    key: 'rebonds-sport',
    name: 'Rebonds Sport Insertion',
    legalForm: 'association',
    sectors: ['sport', 'insertion', 'formation'],
    department: '11',
    city: 'Narbonne',
    description:
      "Association narbonnaise qui fait du sport un levier d'insertion, Rebonds accompagne des jeunes éloignés de l'emploi vers la formation et l'entreprise. Elle anime aussi des activités sportives pour les collectivités, les centres de loisirs et les villages vacances.",
    offers: [
      'animations sportives pour collectivités et villages vacances',
      "parcours d'insertion par le sport pour les jeunes",
    ],
    needs: [
      "entreprises partenaires pour l'accueil de jeunes en stage",
      "financement d'un minibus pour les déplacements",
    ],
    stand: 'D07',
    contact: { firstName: 'Kévin', lastName: 'Lopez', email: 'rebonds-sport@demo.example' },
  },
  {
    key: 'presence-domicile',
    name: 'Présence Domicile Cévennes',
    legalForm: 'association',
    sectors: ['santé', 'mobilité'],
    department: '30',
    city: 'Le Vigan',
    description:
      "Association d'aide et de soins à domicile, elle accompagne près de 600 personnes âgées ou en situation de handicap dans les vallées cévenoles. Ses intervenantes parcourent chaque jour de longues distances sur des routes de montagne.",
    offers: [
      'aide et accompagnement à domicile',
      'petits travaux et jardinage pour les personnes âgées',
    ],
    needs: [
      'repas livrés pour le portage à domicile',
      'véhicules électriques pour les intervenantes',
      'programmes de prévention des chutes',
    ],
    stand: 'D08',
    contact: { firstName: 'Annie', lastName: 'Salles', email: 'presence-domicile@demo.example' },
  },
];

export const DEMO_VISITORS: DemoVisitor[] = [
  // ── Professionnels ──
  {
    firstName: 'Élodie',
    lastName: 'Marquès',
    email: 'elodie.marques@demo.example',
    category: 'professional',
    organizationName: 'Mairie de Frontignan — service de la commande publique',
    interests: ['recyclage', 'restauration', 'alimentation'],
  },
  {
    firstName: 'Jérôme',
    lastName: 'Soulié',
    email: 'jerome.soulie@demo.example',
    category: 'professional',
    organizationName: 'Logis Méditerranée (bailleur social)',
    interests: ['habitat', 'énergie', 'insertion'],
  },
  {
    firstName: 'Mélanie',
    lastName: 'Cros',
    email: 'melanie.cros@demo.example',
    category: 'professional',
    organizationName: 'Cuisine centrale de Lunel',
    interests: ['alimentation', 'agriculture', 'restauration'],
  },
  {
    firstName: 'Loïc',
    lastName: 'Bérard',
    email: 'loic.berard@demo.example',
    category: 'professional',
    organizationName: 'Transports Rouquette',
    interests: ['logistique', 'mobilité'],
  },
  {
    firstName: 'Cécile',
    lastName: 'Aubert',
    email: 'cecile.aubert@demo.example',
    category: 'professional',
    organizationName: 'Familles Rurales de Lozère',
    interests: ['santé', 'mobilité', 'culture'],
  },
  {
    firstName: 'Anaïs',
    lastName: 'Granier',
    email: 'anais.granier@demo.example',
    category: 'professional',
    organizationName: 'Restaurant interentreprises du parc Eurêka',
    interests: ['restauration', 'alimentation'],
  },
  {
    firstName: 'Benoît',
    lastName: 'Mercier',
    email: 'benoit.mercier@demo.example',
    category: 'professional',
    organizationName: 'Agglomération du Bassin de Thau — développement économique',
    interests: ['tourisme', 'innovation sociale', 'logistique'],
  },
  {
    firstName: 'Gaëlle',
    lastName: 'Ménard',
    email: 'gaelle.menard@demo.example',
    category: 'professional',
    organizationName: 'EHPAD Les Micocouliers',
    interests: ['santé', 'restauration', 'sport'],
  },
  {
    firstName: 'Noémie',
    lastName: 'Haddad',
    email: 'noemie.haddad@demo.example',
    category: 'professional',
    organizationName: 'Imprimerie Delmas',
    interests: ['recyclage', 'numérique'],
  },
  {
    firstName: 'Joël',
    lastName: 'Rigal',
    email: 'joel.rigal@demo.example',
    category: 'professional',
    organizationName: 'Camping Les Flamants',
    interests: ['tourisme', 'alimentation', 'culture'],
  },
  {
    firstName: 'Maëlle',
    lastName: 'Rouquette',
    email: 'maelle.rouquette@demo.example',
    category: 'professional',
    organizationName: "Département de l'Hérault — mission ESS",
    interests: ['insertion', 'innovation sociale'],
  },
  {
    firstName: 'Clément',
    lastName: 'Sabatier',
    email: 'clement.sabatier@demo.example',
    category: 'professional',
    organizationName: 'Cévennes Habitat (bailleur social)',
    interests: ['habitat', 'énergie'],
  },
  {
    firstName: 'Séverine',
    lastName: 'Pagès',
    email: 'severine.pages@demo.example',
    category: 'professional',
    organizationName: 'Collège Voltaire de Narbonne — restauration scolaire',
    interests: ['restauration', 'alimentation', 'agriculture'],
  },
  {
    firstName: 'Antoine',
    lastName: 'Nguyen',
    email: 'antoine.nguyen@demo.example',
    category: 'professional',
    organizationName: 'Greenloop',
    interests: ['numérique', 'recyclage'],
  },
  {
    firstName: 'Fatima',
    lastName: 'Benhamou',
    email: 'fatima.benhamou@demo.example',
    category: 'professional',
    organizationName: 'Solidarité Femmes Béziers',
    interests: ['insertion', 'formation'],
  },
  {
    firstName: 'Hugo',
    lastName: 'Delmas',
    email: 'hugo.delmas@demo.example',
    category: 'professional',
    organizationName: 'Hôtel Les Arcades',
    interests: ['tourisme', 'restauration'],
  },
  {
    firstName: 'Laëtitia',
    lastName: 'Combes',
    email: 'laetitia.combes@demo.example',
    category: 'professional',
    organizationName: 'Mairie de Mende — service des sports',
    interests: ['sport', 'santé'],
  },
  {
    firstName: 'Raphaël',
    lastName: 'Jourdan',
    email: 'raphael.jourdan@demo.example',
    category: 'professional',
    organizationName: 'Jourdan & Associés, expertise comptable',
    interests: ['finance', 'assurance'],
  },
  {
    firstName: 'Amandine',
    lastName: 'Ollier',
    email: 'amandine.ollier@demo.example',
    category: 'professional',
    organizationName: 'Clinique du Parc',
    interests: ['santé', 'sport'],
  },
  {
    firstName: 'Thierry',
    lastName: 'Guiraud',
    email: 'thierry.guiraud@demo.example',
    category: 'professional',
    organizationName: "Syndicat de collecte des déchets du Cœur d'Hérault",
    interests: ['recyclage', 'énergie'],
  },
  {
    firstName: 'Marion',
    lastName: 'Chabert',
    email: 'marion.chabert@demo.example',
    category: 'professional',
    organizationName: 'Les Nuits de Pézenas (festival associatif)',
    interests: ['culture', 'restauration'],
  },
  {
    firstName: 'Xavier',
    lastName: 'Barthès',
    email: 'xavier.barthes@demo.example',
    category: 'professional',
    organizationName: "Le Hameau Partagé (coopérative d'habitants)",
    interests: ['habitat', 'énergie'],
  },
  {
    firstName: 'Sandrine',
    lastName: 'Vernet',
    email: 'sandrine.vernet@demo.example',
    category: 'professional',
    organizationName: "France Travail — agence de Montpellier Près d'Arènes",
    interests: ['insertion', 'formation'],
  },
  {
    firstName: 'Nicolas',
    lastName: 'Abadie',
    email: 'nicolas.abadie@demo.example',
    category: 'professional',
    organizationName: "Perpignan Méditerranée Métropole — direction de l'économie",
    interests: ['énergie', 'innovation sociale'],
  },
  {
    firstName: 'Zoé',
    lastName: 'Castel',
    email: 'zoe.castel@demo.example',
    category: 'professional',
    organizationName: 'Atelier Castel, studio graphique',
    interests: ['numérique', 'culture'],
  },
  {
    firstName: 'Frédéric',
    lastName: 'Maurel',
    email: 'frederic.maurel@demo.example',
    category: 'professional',
    organizationName: 'Domaine Maurel',
    interests: ['agriculture', 'tourisme'],
  },
  {
    firstName: 'Aurélie',
    lastName: 'Cazals',
    email: 'aurelie.cazals@demo.example',
    category: 'professional',
    organizationName: 'Centre social Les Tilleuls (Alès)',
    interests: ['insertion', 'alimentation', 'innovation sociale'],
  },
  {
    firstName: 'Grégory',
    lastName: 'Sanchez',
    email: 'gregory.sanchez@demo.example',
    category: 'professional',
    organizationName: 'Office de tourisme Archipel de Thau',
    interests: ['tourisme', 'culture'],
  },
  {
    firstName: 'Bérénice',
    lastName: 'Lacombe',
    email: 'berenice.lacombe@demo.example',
    category: 'professional',
    organizationName: 'Université de Montpellier — service des achats responsables',
    interests: ['alimentation', 'recyclage', 'mobilité'],
  },
  {
    firstName: 'Yannick',
    lastName: 'Teyssier',
    email: 'yannick.teyssier@demo.example',
    category: 'professional',
    organizationName: "Association des commerçants de l'Écusson",
    interests: ['logistique', 'mobilité'],
  },

  // ── Grand public ──
  {
    firstName: 'Océane',
    lastName: 'Martin',
    email: 'oceane.martin@demo.example',
    category: 'public',
    interests: ['tourisme', 'culture'],
  },
  {
    firstName: 'Jean-Luc',
    lastName: 'Bousquet',
    email: 'jean-luc.bousquet@demo.example',
    category: 'public',
    interests: ['finance', 'habitat'],
  },
  {
    firstName: 'Chloé',
    lastName: 'Lambert',
    email: 'chloe.lambert@demo.example',
    category: 'public',
    interests: ['alimentation', 'agriculture'],
  },
  {
    firstName: 'Mathilde',
    lastName: 'Roques',
    email: 'mathilde.roques@demo.example',
    category: 'public',
    interests: ['santé', 'sport'],
  },
  {
    firstName: 'Rachid',
    lastName: 'Amrani',
    email: 'rachid.amrani@demo.example',
    category: 'public',
    interests: ['insertion', 'formation'],
  },
  {
    firstName: 'Paul',
    lastName: 'Étienne',
    email: 'paul.etienne@demo.example',
    category: 'public',
    interests: ['numérique', 'innovation sociale'],
  },
  {
    firstName: 'Léa',
    lastName: 'Coste',
    email: 'lea.coste@demo.example',
    category: 'public',
    interests: ['culture', 'tourisme'],
  },
  {
    firstName: 'Marcel',
    lastName: 'Py',
    email: 'marcel.py@demo.example',
    category: 'public',
    interests: ['agriculture', 'alimentation', 'énergie'],
  },
  {
    firstName: 'Sarah',
    lastName: 'Klein',
    email: 'sarah.klein@demo.example',
    category: 'public',
    interests: ['mobilité', 'énergie'],
  },
  {
    firstName: 'Françoise',
    lastName: 'Ribes',
    email: 'francoise.ribes@demo.example',
    category: 'public',
    interests: ['santé', 'assurance'],
  },
];

export const DEMO_MEETINGS: DemoMeeting[] = [
  // ── Entre exposants ──
  {
    from: 'lazaret',
    to: 'frca',
    message:
      'Nous souhaitons approvisionner la restauration du village vacances en produits régionaux auprès de vos coopératives adhérentes. Pouvons-nous parler volumes, saisonnalité et livraisons ?',
    status: 'held',
    outcome: 'convention_envisaged',
  },
  {
    from: 'realis',
    to: 'table-cana',
    message:
      "Nous organisons une dizaine d'événements par an au pôle REALIS et cherchons un traiteur engagé dans l'insertion. Seriez-vous disponibles pour en discuter ?",
    status: 'held',
    outcome: 'convention_envisaged',
  },
  {
    from: 'caisse-epargne',
    to: 'feuille-erable',
    message:
      'Nous envisageons de confier la collecte du papier et des archives de nos agences à un prestataire local et solidaire. Pouvez-vous nous présenter votre offre ?',
    status: 'held',
    outcome: 'convention_envisaged',
  },
  {
    from: 'label-route',
    to: 'mobileco',
    message:
      "Notre flotte de triporteurs et d'utilitaires électriques grandit et nous aimerions vous en confier la maintenance. Faisons le point sur les capacités de votre atelier.",
    status: 'held',
    outcome: 'convention_envisaged',
  },
  {
    from: 'vasi',
    to: 'mutuelle-roussillon',
    message:
      "Nous aimerions vous présenter nos programmes d'activité physique adaptée et étudier une prise en charge des séances pour vos adhérents.",
    status: 'held',
    outcome: 'convention_envisaged',
  },
  {
    from: 'cuisines-biterrois',
    to: 'jardins-cite',
    message:
      "Notre cuisine centrale cherche des légumes bio de saison cultivés par une structure d'insertion. Pourriez-vous livrer des volumes réguliers jusqu'à Béziers ?",
    status: 'held',
    outcome: 'convention_envisaged',
  },
  {
    from: 'energies-catalanes',
    to: 'credit-cooperatif',
    message:
      "Nous préparons cinq nouvelles centrales photovoltaïques citoyennes et cherchons un partenaire bancaire pour compléter l'investissement des habitants.",
    status: 'held',
    outcome: 'follow_up',
  },
  {
    from: 'lazaret',
    to: 'ateliers-garrigues',
    message:
      'Nous cherchons une blanchisserie pour le linge de lit et de table de la saison estivale. Votre atelier pourrait-il traiter environ 800 kg par semaine ?',
    status: 'scheduled',
  },
  {
    from: 'bergerie-cevennes',
    to: 'ressourcerie-cevenole',
    message:
      'Nous rénovons douze chambres cet hiver et aimerions les meubler avec du mobilier de réemploi. Quel stock pourriez-vous nous proposer ?',
    status: 'held',
    outcome: 'follow_up',
  },
  {
    from: 'table-cana',
    to: 'vignerons-garrigue',
    message:
      'Nous recherchons des vins régionaux pour nos buffets et cocktails. Proposez-vous des formats adaptés aux petits événements ?',
    status: 'held',
    outcome: 'no_follow_up',
  },
  {
    from: 'mobileco',
    to: 'matmut',
    message:
      "Nous souhaitons revoir l'assurance de notre flotte de vélos, scooters et utilitaires électriques. Pouvons-nous comparer vos garanties ?",
    status: 'scheduled',
  },
  {
    from: 'coeptis',
    to: 'lazaret',
    message:
      'Nous cherchons un lieu de séminaire résidentiel pour la prochaine promotion de dirigeants : une trentaine de personnes pendant trois jours.',
    status: 'requested',
  },
  {
    from: 'octets-solidaires',
    to: 'unat',
    message:
      'Nous développons un outil libre de réservation en ligne pour les hébergements associatifs et aimerions vous le présenter.',
    status: 'declined',
  },
  {
    from: 'bois-lozere',
    to: 'fondation-habitat',
    message:
      "Vous prévoyez de rénover des logements anciens dans le Gard : notre SCOP réalise l'isolation en fibre de bois et la rénovation énergétique. Parlons de vos prochains chantiers.",
    status: 'held',
    outcome: 'follow_up',
  },
  {
    from: 'vergers-catalans',
    to: 'groupama',
    message:
      "Après les épisodes de grêle de l'an dernier, nous voulons faire le point sur la prévention et la couverture des vergers de nos adhérents.",
    status: 'cancelled',
  },
  {
    from: 'presence-domicile',
    to: 'cuisines-biterrois',
    message:
      "Nous cherchons un prestataire pour le portage de repas à domicile. Livrez-vous au-delà de l'agglomération de Béziers ?",
    status: 'requested',
  },
  {
    from: 'cine-causses',
    to: 'bergerie-cevennes',
    message:
      'Nous proposons des séances de cinéma en plein air aux villages vacances cet été. Seriez-vous intéressés par deux ou trois projections ?',
    status: 'scheduled',
  },
  {
    from: 'replic',
    to: 'coeptis',
    message:
      "Nous aimerions construire avec l'École un parcours de formation pour les futurs dirigeants des coopératives du groupe.",
    status: 'held',
    outcome: 'follow_up',
  },
  {
    from: 'fromagerie-causses',
    to: 'unat',
    message:
      "Nous aimerions faire découvrir nos fromages de brebis et de chèvre aux villages vacances adhérents de l'UNAT.",
    status: 'requested',
  },
  {
    from: 'rebonds-sport',
    to: 'chorum',
    message:
      "Nous cherchons un partenaire pour financer l'achat d'un minibus destiné à nos activités d'insertion par le sport.",
    status: 'declined',
  },
  {
    from: 'ressourcerie-cevenole',
    to: 'airdie',
    message:
      'Nous devons déménager dans un local plus grand et cherchons une garantie pour notre emprunt bancaire.',
    status: 'held',
    outcome: 'follow_up',
  },
  {
    from: 'vasi',
    to: 'france-active',
    message:
      "Nous préparons notre changement d'échelle et souhaitons étudier un prêt participatif pour ouvrir deux nouveaux sites.",
    status: 'held',
    outcome: 'follow_up',
  },

  // ── Visiteurs vers exposants ──
  {
    from: 'melanie.cros@demo.example',
    to: 'frca',
    message:
      'La cuisine centrale de Lunel sert 2 500 repas par jour et doit augmenter sa part de produits locaux. Quelles coopératives pourraient nous livrer ?',
    status: 'requested',
  },
  {
    from: 'elodie.marques@demo.example',
    to: 'feuille-erable',
    message:
      'La mairie souhaite organiser le tri et le recyclage du papier dans tous ses services. Pouvons-nous en parler pendant la convention ?',
    status: 'scheduled',
  },
  {
    from: 'clement.sabatier@demo.example',
    to: 'bois-lozere',
    message:
      'Nous lançons un programme de rénovation énergétique de logements sociaux dans les Cévennes et cherchons des entreprises locales.',
    status: 'held',
    outcome: 'follow_up',
  },
  {
    from: 'mathilde.roques@demo.example',
    to: 'vasi',
    message:
      'Je vis avec une maladie chronique et voudrais savoir si vos séances collectives sont ouvertes aux particuliers à Montpellier.',
    status: 'requested',
  },
  {
    from: 'loic.berard@demo.example',
    to: 'mobileco',
    message:
      'Nous envisageons de tester deux utilitaires électriques pour nos livraisons en ville. Proposez-vous des locations courtes ?',
    status: 'cancelled',
  },
  {
    from: 'aurelie.cazals@demo.example',
    to: 'alter-incub',
    message:
      "Un groupe d'habitants du quartier souhaite créer une épicerie solidaire. Votre incubateur pourrait-il les accompagner ?",
    status: 'held',
    outcome: 'no_follow_up',
  },
];

export const DEMO_CONVENTIONS: DemoConvention[] = [
  {
    key: 'lazaret-frca-circuits-courts',
    title: 'Approvisionnement en circuits courts des villages vacances',
    kind: 'supply',
    description:
      "Convention d'approvisionnement de la restauration du village vacances Le Lazaret en produits régionaux (fruits, légumes, vins, fromages) issus des coopératives adhérentes de la FRCA, avec au plus un intermédiaire entre le producteur et la cuisine. L'UNAT relaie la démarche auprès des autres villages vacances associatifs de la région.",
    parties: [
      { org: 'lazaret', role: 'acheteur', public: true },
      { org: 'frca', role: 'fournisseur', public: true },
      { org: 'unat', role: 'relais auprès des villages vacances adhérents', public: true },
    ],
    status: 'signed',
    fromMeetings: [{ from: 'lazaret', to: 'frca' }],
    estimatedAnnualValueEur: 60000,
    localSupplyShare: 0.45,
    history: [
      {
        status: 'envisaged',
        note: "Intérêt réciproque exprimé lors du rendez-vous d'affaires : le Lazaret veut donner une plus grande place aux produits régionaux dans ses menus.",
        daysAfterEvent: 0,
      },
      {
        status: 'negotiating',
        note: 'Visite de deux coopératives adhérentes ; travail commun sur les volumes, la saisonnalité et les jours de livraison.',
        daysAfterEvent: 30,
      },
      {
        status: 'signed',
        note: 'Signature de la convention : calendrier de livraisons adapté au village vacances et bon de commande hebdomadaire unique pour toutes les coopératives.',
        daysAfterEvent: 75,
      },
    ],
    followUps: [
      {
        note: "Un an après, le Lazaret a augmenté ses achats de produits régionaux grâce à des livraisons adaptées à ses volumes et à une méthode de commande améliorée. Les vacanciers apprécient d'apprendre qu'une grande partie des produits servis viennent de la région.",
        daysAfterEvent: 365,
      },
    ],
  },
  {
    key: 'realis-table-cana-traiteur',
    title: 'Prestations traiteur solidaires au pôle REALIS',
    kind: 'service',
    description:
      "La Table de Cana assure les buffets et plateaux-repas des événements organisés au pôle REALIS (rencontres d'entreprises, jurys de la YESS Académie, visites officielles), avec des équipes en parcours d'insertion et des produits de saison.",
    parties: [
      { org: 'realis', role: 'client', public: true },
      { org: 'table-cana', role: 'prestataire', public: true },
    ],
    status: 'in_force',
    fromMeetings: [{ from: 'realis', to: 'table-cana' }],
    estimatedAnnualValueEur: 18000,
    insertionJobs: 2,
    localSupplyShare: 0.6,
    history: [
      {
        status: 'envisaged',
        note: 'REALIS souhaite un traiteur unique et solidaire pour ses événements.',
        daysAfterEvent: 0,
      },
      {
        status: 'negotiating',
        note: 'Dégustation et chiffrage de trois formules (petit-déjeuner, buffet, cocktail).',
        daysAfterEvent: 20,
      },
      {
        status: 'signed',
        note: "Contrat-cadre d'un an signé, reconductible.",
        daysAfterEvent: 45,
      },
      {
        status: 'in_force',
        note: 'Premier événement servi : la rentrée de la YESS Académie.',
        daysAfterEvent: 60,
      },
    ],
    followUps: [
      {
        note: 'Six événements servis ; deux salariés en insertion sont désormais affectés à ces prestations.',
        daysAfterEvent: 200,
      },
    ],
  },
  {
    key: 'feuille-erable-caisse-epargne-collecte',
    title: 'Collecte et recyclage du papier des agences bancaires',
    kind: 'service',
    description:
      "La Feuille d'Érable collecte le papier, les cartons et les archives confidentielles d'une vingtaine d'agences et du siège régional, avec destruction sécurisée et bilan annuel des tonnages recyclés.",
    parties: [
      { org: 'feuille-erable', role: 'prestataire', public: true },
      { org: 'caisse-epargne', role: 'client', public: false },
    ],
    status: 'signed',
    fromMeetings: [{ from: 'caisse-epargne', to: 'feuille-erable' }],
    estimatedAnnualValueEur: 24000,
    jobsCreated: 1,
    insertionJobs: 1,
    history: [
      {
        status: 'envisaged',
        note: 'Besoin identifié : remplacer un prestataire national par une collecte locale et solidaire.',
        daysAfterEvent: 0,
      },
      {
        status: 'negotiating',
        note: 'Audit des volumes par agence et cahier des charges sur la confidentialité des archives.',
        daysAfterEvent: 25,
      },
      {
        status: 'signed',
        note: "Contrat de trois ans signé ; le client ne souhaite pas, pour l'instant, que son nom soit publié.",
        daysAfterEvent: 90,
      },
    ],
    followUps: [
      {
        note: 'Premières tournées réalisées ; un poste de chauffeur-collecteur en insertion a été créé.',
        daysAfterEvent: 120,
      },
    ],
  },
  {
    key: 'label-route-mobileco-maintenance',
    title: 'Maintenance de la flotte électrique de Label Route',
    kind: 'subcontracting',
    description:
      "Label Route sous-traite à Mobileco l'entretien préventif et les réparations de ses triporteurs et utilitaires électriques pendant un an, en mobilisant l'atelier d'insertion de Mobileco.",
    parties: [
      { org: 'label-route', role: "donneur d'ordre", public: true },
      { org: 'mobileco', role: 'sous-traitant', public: true },
    ],
    status: 'completed',
    fromMeetings: [{ from: 'label-route', to: 'mobileco' }],
    estimatedAnnualValueEur: 15000,
    insertionJobs: 1,
    history: [
      {
        status: 'envisaged',
        note: 'Les deux coopératives du groupe REPLIC décident de mutualiser la maintenance.',
        daysAfterEvent: 0,
      },
      {
        status: 'negotiating',
        note: "Inventaire de la flotte et définition des délais d'intervention.",
        daysAfterEvent: 15,
      },
      { status: 'signed', note: "Contrat de sous-traitance d'un an signé.", daysAfterEvent: 40 },
      {
        status: 'in_force',
        note: "Premières révisions réalisées à l'atelier de Mobileco.",
        daysAfterEvent: 45,
      },
      {
        status: 'completed',
        note: 'Contrat arrivé à échéance, toutes les prestations ont été réalisées.',
        daysAfterEvent: 410,
      },
    ],
    followUps: [
      {
        note: "Bilan à six mois : le temps d'immobilisation des véhicules a été divisé par deux.",
        daysAfterEvent: 225,
      },
      {
        note: 'Les deux coopératives préparent un nouveau contrat élargi aux vélos-cargos.',
        daysAfterEvent: 415,
      },
    ],
  },
  {
    key: 'vasi-mutuelle-roussillon-apa',
    title: "Prise en charge de l'activité physique adaptée",
    kind: 'partnership',
    description:
      "Expérimentation de la prise en charge par la mutuelle de programmes d'activité physique adaptée animés par V@SI pour des adhérents atteints de maladies chroniques, d'abord à Perpignan puis dans tout le département.",
    parties: [
      { org: 'vasi', role: 'opérateur du programme', public: true },
      { org: 'mutuelle-roussillon', role: 'financeur des séances', public: true },
    ],
    status: 'negotiating',
    fromMeetings: [{ from: 'vasi', to: 'mutuelle-roussillon' }],
    estimatedAnnualValueEur: 30000,
    jobsCreated: 1,
    history: [
      {
        status: 'envisaged',
        note: "La mutuelle est intéressée par une expérimentation sur une centaine d'adhérents.",
        daysAfterEvent: 0,
      },
      {
        status: 'negotiating',
        note: "Rédaction d'un protocole d'évaluation et chiffrage du coût par participant.",
        daysAfterEvent: 45,
      },
    ],
    followUps: [
      {
        note: "Le protocole d'évaluation sera présenté au prochain conseil d'administration de la mutuelle.",
        daysAfterEvent: 90,
      },
    ],
  },
  {
    key: 'cuisines-jardins-legumes-bio',
    title: "Légumes bio d'insertion pour la cuisine centrale",
    kind: 'supply',
    description:
      "Fourniture hebdomadaire de légumes bio de saison par Les Jardins de la Cité à la cuisine centrale des Cuisines Solidaires du Biterrois : deux structures d'insertion qui voulaient travailler ensemble.",
    parties: [
      { org: 'cuisines-biterrois', role: 'acheteur', public: true },
      { org: 'jardins-cite', role: 'fournisseur', public: true },
    ],
    status: 'abandoned',
    fromMeetings: [{ from: 'cuisines-biterrois', to: 'jardins-cite' }],
    estimatedAnnualValueEur: 35000,
    localSupplyShare: 0.3,
    history: [
      {
        status: 'envisaged',
        note: "Volonté commune de rapprocher deux structures d'insertion de la filière alimentaire.",
        daysAfterEvent: 0,
      },
      {
        status: 'negotiating',
        note: 'Étude des volumes, des calibres et du coût du transport réfrigéré.',
        daysAfterEvent: 40,
      },
      {
        status: 'abandoned',
        note: 'Abandon : sans tournée mutualisée, le transport réfrigéré entre Carcassonne et Béziers rendait le prix des légumes trop élevé.',
        daysAfterEvent: 120,
      },
    ],
    followUps: [
      {
        note: "Les deux structures restent en contact et étudient une tournée commune avec d'autres producteurs de l'Aude.",
        daysAfterEvent: 150,
      },
    ],
  },
  {
    key: 'credit-cooperatif-energies-catalanes',
    title: 'Financement de cinq centrales photovoltaïques citoyennes',
    kind: 'financing',
    description:
      "Prêt bancaire complétant l'épargne citoyenne collectée par Énergies Citoyennes Catalanes pour équiper cinq toitures de hangars agricoles et de bâtiments publics dans les Pyrénées-Orientales.",
    parties: [
      { org: 'energies-catalanes', role: 'emprunteur', public: true },
      { org: 'credit-cooperatif', role: 'prêteur', public: true },
    ],
    status: 'envisaged',
    fromMeetings: [{ from: 'energies-catalanes', to: 'credit-cooperatif' }],
    jobsCreated: 1,
    history: [
      {
        status: 'envisaged',
        note: "La banque accepte d'étudier le dossier une fois les toitures sécurisées.",
        daysAfterEvent: 0,
      },
    ],
    followUps: [
      {
        note: "Dossier technique et plan de financement transmis à l'agence de Montpellier.",
        daysAfterEvent: 45,
      },
    ],
  },
];
