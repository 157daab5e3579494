import type { MatchProfile } from '../../src/matching/engine.js';

/**
 * A judged set for the matching engine: fictional Occitanie ESS structures (none from the demo
 * data), written in the varied words people use, and the introductions an organizer would make.
 * Judgments were written before the engine was run on them, and left as written.
 */
export interface JudgedStructure extends MatchProfile {
  // What the catalogue also indexes (exhibitors only).
  city: string;
  description: string;
}

type Draft = Omit<JudgedStructure, 'id' | 'kind' | 'organizationId' | 'interests'> & {
  interests?: string[];
};

function exhibitor(id: string, draft: Draft): JudgedStructure {
  return { id, kind: 'exhibitor', organizationId: `org-${id}`, interests: [], ...draft };
}

function visitor(id: string, draft: Draft): JudgedStructure {
  return { id, kind: 'visitor', organizationId: null, interests: [], ...draft };
}

export const STRUCTURES: JudgedStructure[] = [
  exhibitor('fromagerie', {
    name: 'Fromagerie coopérative du Larzac',
    city: 'Millau',
    department: '12',
    sectors: ['alimentation', 'agriculture'],
    description: 'SCOP de bergers et de fromagers du plateau du Larzac.',
    offers: ['fromages fermiers au lait de brebis', 'yaourts et produits laitiers bio'],
    needs: [
      'débouchés en restauration collective',
      'transport frigorifique mutualisé',
      'bocaux consignés pour nos yaourts',
    ],
  }),
  exhibitor('cantine', {
    name: 'Les Assiettes Solidaires',
    city: 'Montpellier',
    department: '34',
    sectors: ['restauration', 'alimentation'],
    description: 'SCIC de cuisine centrale qui prépare 3 000 repas par jour.',
    offers: [
      'restauration collective bio pour écoles et crèches',
      'ateliers de cuisine anti-gaspillage',
    ],
    needs: [
      'fromage et laitages locaux',
      'légumes de maraîchers du territoire',
      'chambre froide partagée',
    ],
  }),
  exhibitor('laiterie', {
    name: 'Coopérative laitière des Causses',
    city: 'Rodez',
    department: '12',
    sectors: ['agriculture', 'alimentation'],
    description: 'Coopérative agricole de 80 éleveurs laitiers aveyronnais.',
    offers: ['lait, beurre et fromages de vache en gros', 'collecte du lait chez les éleveurs'],
    needs: [
      'grossistes et centrales d’achat',
      'salariés pour la fromagerie',
      'énergie renouvelable pour nos tanks à lait',
    ],
  }),
  exhibitor('jardins', {
    name: 'Jardins d’insertion du Vidourle',
    city: 'Sommières',
    department: '30',
    sectors: ['agriculture', 'insertion'],
    description: 'Atelier chantier d’insertion en maraîchage biologique.',
    offers: ['légumes biologiques cultivés en insertion', 'paniers hebdomadaires de saison'],
    needs: [
      'clients en restauration scolaire',
      'encadrants techniques en maraîchage',
      'financement pour une serre',
    ],
  }),
  exhibitor('coopfret', {
    name: 'Coop’Fret Occitanie',
    city: 'Lunel',
    department: '34',
    sectors: ['logistique', 'mobilité'],
    description: 'SCOP de transport et de logistique pour les circuits courts.',
    offers: [
      'tournées de livraison réfrigérées mutualisées entre producteurs',
      'entreposage au froid à la journée',
    ],
    needs: [
      'producteurs fermiers à livrer',
      'sous-traitants pour le dernier kilomètre en ville',
      'utilitaires électriques d’occasion',
    ],
  }),
  exhibitor('consignoc', {
    name: 'Consign’Oc',
    city: 'Toulouse',
    department: '31',
    sectors: ['recyclage', 'alimentation'],
    description: 'SCIC qui remet en place la consigne du verre en Occitanie.',
    offers: [
      'collecte, lavage et réemploi des bocaux en verre',
      'bouteilles consignées pour les producteurs',
    ],
    needs: ['producteurs qui conditionnent en bocaux', 'un local de lavage aux normes'],
  }),
  exhibitor('epicerie-pic', {
    name: 'L’Épicerie du Pic',
    city: 'Saint-Martin-de-Londres',
    department: '34',
    sectors: ['alimentation', 'solidarité'],
    description: 'Association qui tient une épicerie solidaire de village.',
    offers: ['vente en vrac de produits locaux', 'épicerie solidaire à prix adaptés'],
    needs: [
      'fournisseurs de fromages et de légumes en circuit court',
      'contenants réutilisables',
      'bénévoles pour tenir la boutique',
    ],
  }),
  exhibitor('panier-citoyen', {
    name: 'Le Panier Citoyen',
    city: 'Montpellier',
    department: '34',
    sectors: ['alimentation'],
    description: 'Coopérative de consommateurs gérée par ses membres.',
    offers: ['produits en vrac et locaux', 'supermarché coopératif et participatif'],
    needs: [
      'fournisseurs de produits laitiers',
      'logiciel de caisse libre',
      'livraison à domicile pour nos coopérateurs âgés',
    ],
  }),
  exhibitor('chataigniers', {
    name: 'Village vacances Les Châtaigniers',
    city: 'Florac',
    department: '48',
    sectors: ['tourisme'],
    description: 'Association de tourisme social au cœur des Cévennes.',
    offers: ['séjours de vacances pour familles à petit budget', 'hébergement de groupes en gîte'],
    needs: [
      'circuits de randonnée accompagnée',
      'produits du terroir pour les petits-déjeuners',
      'financement de la rénovation énergétique',
    ],
  }),
  exhibitor('sentiers', {
    name: 'Sentiers Partagés',
    city: 'Le Vigan',
    department: '30',
    sectors: ['tourisme', 'sport'],
    description: 'SCOP d’accompagnateurs en montagne diplômés.',
    offers: [
      'randonnées accompagnées dans les Cévennes',
      'sorties nature adaptées aux personnes handicapées',
    ],
    needs: [
      'hébergements pour nos groupes de randonneurs',
      'minibus pour transporter les participants',
    ],
  }),
  exhibitor('gites-aubrac', {
    name: 'Les Gîtes de l’Aubrac',
    city: 'Laguiole',
    department: '12',
    sectors: ['tourisme'],
    description: 'Coopérative d’hébergement touristique rural.',
    offers: ['gîtes et chambres d’hôtes pour groupes', 'séjours nature en famille sur l’Aubrac'],
    needs: [
      'agence de communication solidaire',
      'transport des bagages entre étapes',
      'activités de pleine nature à proposer',
    ],
  }),
  exhibitor('roule-ma-poule', {
    name: 'Roule Ma Poule',
    city: 'Albi',
    department: '81',
    sectors: ['mobilité', 'insertion'],
    description: 'Association de mobilité solidaire du Tarn.',
    offers: [
      'location de minibus et de voitures à tarif solidaire',
      'auto-école sociale pour les personnes en insertion',
    ],
    needs: [
      'véhicules électriques d’occasion',
      'employeurs partenaires pour nos stagiaires',
      'garage solidaire pour l’entretien',
    ],
  }),
  exhibitor('ressourcerie', {
    name: 'La Ressourcerie du Biterrois',
    city: 'Béziers',
    department: '34',
    sectors: ['recyclage', 'insertion'],
    description: 'Association de réemploi qui emploie 25 salariés en parcours d’insertion.',
    offers: [
      'collecte et revalorisation d’objets et de meubles',
      'vente de mobilier d’occasion',
      'emplois en insertion',
    ],
    needs: [
      'matériaux de chantier à récupérer',
      'un camion pour les collectes',
      'partenaires pour recycler les textiles',
    ],
  }),
  exhibitor('filafil', {
    name: 'Fil à Fil',
    city: 'Carcassonne',
    department: '11',
    sectors: ['recyclage', 'insertion', 'textile'],
    description: 'Entreprise d’insertion qui trie et transforme les textiles.',
    offers: ['tri et recyclage des vêtements usagés', 'sacs et trousses en tissus recyclés'],
    needs: [
      'gisements de textiles usagés',
      'commandes de sacs pour les entreprises',
      'machines à coudre industrielles',
    ],
  }),
  exhibitor('batirecup', {
    name: 'Bâti Récup',
    city: 'Toulouse',
    department: '31',
    sectors: ['bâtiment', 'recyclage'],
    description: 'SCIC de réemploi des matériaux du bâtiment.',
    offers: ['matériaux de construction de réemploi', 'diagnostic ressources avant démolition'],
    needs: [
      'chantiers de déconstruction',
      'ressourceries pour écouler le petit mobilier',
      'artisans formés au réemploi',
    ],
  }),
  exhibitor('recyclerie-herault', {
    name: 'Recyclerie de la Vallée de l’Hérault',
    city: 'Gignac',
    department: '34',
    sectors: ['recyclage'],
    description: 'Association de récupération et de revente solidaire.',
    offers: [
      'récupération et revente d’objets de seconde main',
      'ateliers de réparation de petit électroménager',
    ],
    needs: [
      'bénévoles',
      'un local de stockage plus grand',
      'débouchés pour les vêtements invendus',
    ],
  }),
  exhibitor('charpentiers', {
    name: 'Les Charpentiers du Lauragais',
    city: 'Castelnaudary',
    department: '11',
    sectors: ['bâtiment', 'énergie'],
    description: 'SCOP d’éco-construction et de rénovation.',
    offers: [
      'rénovation énergétique de bâtiments en matériaux biosourcés',
      'formation d’artisans à l’isolation en paille',
    ],
    needs: [
      'bois local et paille de construction',
      'matériaux de réemploi',
      'clients associatifs ayant des locaux à rénover',
    ],
  }),
  exhibitor('soleil', {
    name: 'Soleil Citoyen Occitanie',
    city: 'Montpellier',
    department: '34',
    sectors: ['énergie'],
    description: 'SCIC de production d’énergie renouvelable par les citoyens.',
    offers: [
      'centrales photovoltaïques citoyennes sur les toits',
      'accompagnement des communes dans la transition énergétique',
    ],
    needs: [
      'toitures disponibles à louer',
      'épargnants citoyens',
      'électriciens pour poser les panneaux',
    ],
  }),
  exhibitor('caisse', {
    name: 'Caisse Solidaire du Midi',
    city: 'Toulouse',
    department: '31',
    sectors: ['finance'],
    description: 'Coopérative de finance solidaire.',
    offers: [
      'prêts et garanties pour les entreprises de l’ESS',
      'épargne solidaire fléchée vers le territoire',
      'financement participatif de projets locaux',
    ],
    needs: ['projets d’économie sociale à financer', 'accompagnateurs à la création d’entreprise'],
  }),
  exhibitor('mutuelle', {
    name: 'Mutuelle Solidaire d’Occitanie',
    city: 'Montpellier',
    department: '34',
    sectors: ['santé', 'assurance'],
    description: 'Mutuelle santé régionale.',
    offers: [
      'complémentaire santé pour les salariés des associations',
      'prévention des risques psychosociaux',
    ],
    needs: ['associations employeuses à couvrir', 'intervenants en prévention santé au travail'],
  }),
  exhibitor('assurances-coop', {
    name: 'Assurances Mutuelles Coopératives',
    city: 'Toulouse',
    department: '31',
    sectors: ['assurance'],
    description: 'Mutuelle d’assurance des structures de l’économie sociale.',
    offers: [
      'assurance multirisque pour associations et coopératives',
      'complémentaire santé collective',
    ],
    needs: ['courtiers partenaires', 'réseaux associatifs pour diffuser nos contrats'],
  }),
  exhibitor('presence', {
    name: 'Présence Domicile 66',
    city: 'Perpignan',
    department: '66',
    sectors: ['santé', 'services à la personne'],
    description: 'SCIC d’aide et de soins à domicile.',
    offers: ['aide à domicile pour les personnes âgées', 'portage de repas à domicile'],
    needs: [
      'complémentaire santé pour nos salariées',
      'voitures de service électriques',
      'formation d’aides-soignants',
    ],
  }),
  exhibitor('formation', {
    name: 'Institut de Formation Solidaire',
    city: 'Nîmes',
    department: '30',
    sectors: ['formation', 'insertion'],
    description: 'Organisme de formation associatif.',
    offers: [
      'formations qualifiantes d’aide-soignant et d’auxiliaire de vie',
      'remise à niveau en français pour adultes',
    ],
    needs: ['structures d’accueil pour les stages', 'employeurs du secteur médico-social'],
  }),
  exhibitor('clic', {
    name: 'Clic Solidaire',
    city: 'Montpellier',
    department: '34',
    sectors: ['numérique', 'insertion'],
    description: 'Entreprise d’insertion du numérique responsable.',
    offers: [
      'reconditionnement d’ordinateurs portables',
      'ateliers d’inclusion numérique pour les seniors',
    ],
    needs: ['ordinateurs usagés d’entreprises', 'bénévoles pour animer les ateliers'],
  }),
  exhibitor('compagnie', {
    name: 'Compagnie du Grand Rond',
    city: 'Toulouse',
    department: '31',
    sectors: ['culture'],
    description: 'SCOP de spectacle vivant.',
    offers: [
      'spectacles de théâtre en milieu rural',
      'ateliers théâtre pour publics éloignés de la culture',
    ],
    needs: ['lieux de diffusion en campagne', 'décors et costumes de récupération', 'mécènes'],
  }),
  exhibitor('grange', {
    name: 'La Grange Commune',
    city: 'Figeac',
    department: '46',
    sectors: ['culture', 'numérique'],
    description: 'SCIC tiers-lieu rural dans une ancienne grange.',
    offers: [
      'salle de spectacle et résidences d’artistes à la campagne',
      'espace de coworking rural',
      'café associatif',
    ],
    needs: [
      'spectacles vivants pour notre programmation',
      'postes informatiques reconditionnés',
      'produits locaux pour le café',
    ],
  }),
  exhibitor('coursiers', {
    name: 'Les Coursiers Solidaires',
    city: 'Montpellier',
    department: '34',
    sectors: ['mobilité', 'logistique'],
    description: 'SCOP de coursiers à vélo.',
    offers: ['livraisons du dernier kilomètre en vélo-cargo', 'ateliers de réparation de vélos'],
    needs: ['commerces de centre-ville à livrer', 'un local pour garer nos vélos-cargos'],
  }),
  exhibitor('cooptech', {
    name: 'Cooptech',
    city: 'Toulouse',
    department: '31',
    sectors: ['innovation sociale', 'formation'],
    description: 'Incubateur associatif de l’économie sociale et solidaire.',
    offers: [
      'accompagnement à la création d’entreprises coopératives',
      'incubation de projets d’innovation sociale',
    ],
    needs: ['financeurs solidaires pour nos porteurs de projet', 'mentors issus de SCOP'],
  }),
  exhibitor('pole-creation', {
    name: 'Pôle Création Coopérative',
    city: 'Montpellier',
    department: '34',
    sectors: ['innovation sociale'],
    description: 'Coopérative d’activité et d’emploi.',
    offers: [
      'accompagnement des entrepreneurs salariés',
      'hébergement juridique et comptable d’activités',
    ],
    needs: ['locaux pour nos entrepreneurs', 'clients pour les activités hébergées'],
  }),
  visitor('v-hopital', {
    name: 'Responsable des achats alimentaires, centre hospitalier de Béziers',
    city: 'Béziers',
    department: '34',
    sectors: [],
    description: '',
    interests: ['alimentation', 'circuits courts'],
    offers: ['marchés publics de restauration hospitalière'],
    needs: ['produits laitiers locaux pour les patients', 'légumes bio en quantité'],
  }),
  visitor('v-tourisme', {
    name: 'Chargée de mission tourisme, communauté de communes Causses et Cévennes',
    city: 'Meyrueis',
    department: '48',
    sectors: [],
    description: '',
    interests: ['tourisme', 'mobilité'],
    offers: ['subventions aux hébergements touristiques'],
    needs: ['offres de séjours accessibles à tous', 'randonnées pour le public handicapé'],
  }),
  visitor('v-rse', {
    name: 'Responsable RSE, groupe de travaux publics',
    city: 'Toulouse',
    department: '31',
    sectors: [],
    description: '',
    interests: ['insertion', 'recyclage'],
    offers: ['chantiers de déconstruction', 'mécénat de compétences'],
    needs: ['salariés en insertion pour nos chantiers', 'recyclage des déchets de chantier'],
  }),
  visitor('v-porteuse', {
    name: 'Porteuse de projet de café-épicerie',
    city: 'Montauban',
    department: '82',
    sectors: [],
    description: '',
    interests: ['alimentation', 'innovation sociale'],
    offers: [],
    needs: [
      'accompagnement pour créer une coopérative',
      'prêt d’honneur pour démarrer',
      'fournisseurs locaux',
    ],
  }),
  visitor('v-circulaire', {
    name: 'Chargé de mission économie circulaire, métropole',
    city: 'Montpellier',
    department: '34',
    sectors: [],
    description: '',
    interests: ['recyclage', 'énergie'],
    offers: [
      'toitures de bâtiments publics à mettre à disposition',
      'subventions économie circulaire',
    ],
    needs: ['solutions de réemploi pour les encombrants'],
  }),
];

// Introductions an organizer would make (one line each, both ways).
export const INTRODUCTIONS: readonly (readonly [string, string])[] = [
  ['fromagerie', 'cantine'],
  ['fromagerie', 'coopfret'],
  ['fromagerie', 'consignoc'],
  ['fromagerie', 'epicerie-pic'],
  ['fromagerie', 'panier-citoyen'],
  ['fromagerie', 'v-hopital'],
  ['fromagerie', 'grange'],
  ['fromagerie', 'chataigniers'],
  ['cantine', 'laiterie'],
  ['cantine', 'jardins'],
  ['cantine', 'coopfret'],
  ['laiterie', 'epicerie-pic'],
  ['laiterie', 'panier-citoyen'],
  ['laiterie', 'v-hopital'],
  ['laiterie', 'soleil'],
  ['jardins', 'epicerie-pic'],
  ['jardins', 'caisse'],
  ['jardins', 'v-hopital'],
  ['jardins', 'coopfret'],
  ['coopfret', 'coursiers'],
  ['consignoc', 'epicerie-pic'],
  ['panier-citoyen', 'coursiers'],
  ['chataigniers', 'sentiers'],
  ['chataigniers', 'charpentiers'],
  ['chataigniers', 'caisse'],
  ['chataigniers', 'v-tourisme'],
  ['sentiers', 'gites-aubrac'],
  ['sentiers', 'roule-ma-poule'],
  ['sentiers', 'v-tourisme'],
  ['gites-aubrac', 'v-tourisme'],
  ['roule-ma-poule', 'presence'],
  ['roule-ma-poule', 'v-rse'],
  ['ressourcerie', 'batirecup'],
  ['ressourcerie', 'filafil'],
  ['ressourcerie', 'v-rse'],
  ['ressourcerie', 'compagnie'],
  ['ressourcerie', 'v-circulaire'],
  ['filafil', 'recyclerie-herault'],
  ['filafil', 'compagnie'],
  ['batirecup', 'recyclerie-herault'],
  ['batirecup', 'charpentiers'],
  ['batirecup', 'v-rse'],
  ['batirecup', 'v-circulaire'],
  ['recyclerie-herault', 'v-circulaire'],
  ['soleil', 'caisse'],
  ['soleil', 'v-circulaire'],
  ['caisse', 'cooptech'],
  ['caisse', 'v-porteuse'],
  ['caisse', 'pole-creation'],
  ['mutuelle', 'presence'],
  ['assurances-coop', 'presence'],
  ['presence', 'formation'],
  ['clic', 'grange'],
  ['compagnie', 'grange'],
  ['compagnie', 'v-rse'],
  ['cooptech', 'v-porteuse'],
  ['pole-creation', 'v-porteuse'],
  ['pole-creation', 'grange'],
];

// Distractors: they offer the same things (or nearly), so they compete instead of cooperating.
export const COMPETITORS: readonly (readonly [string, string])[] = [
  ['fromagerie', 'laiterie'],
  ['epicerie-pic', 'panier-citoyen'],
  ['chataigniers', 'gites-aubrac'],
  ['ressourcerie', 'recyclerie-herault'],
  ['mutuelle', 'assurances-coop'],
  ['cooptech', 'pole-creation'],
  ['cantine', 'v-hopital'],
];

export function judgedPartners(id: string): Set<string> {
  const partners = new Set<string>();
  for (const [a, b] of INTRODUCTIONS) {
    if (a === id) partners.add(b);
    if (b === id) partners.add(a);
  }
  return partners;
}
