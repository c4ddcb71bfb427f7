import { fr } from '@faker-js/faker';

/**
 * Names of the synthetic register: faker's French lists, completed with what faker lacks and
 * real registers are full of, because that is what the search must cope with:
 * accents (faker writes "Clement", "Riviere"), particles (de La Fontaine, Le Gall, du Pont),
 * elided particles (N'Diaye, D'Almeida), spelling variants of one name (Lefebvre / Lefèvre /
 * Lefeuvre, Meyer / Mayer / Maier), and the names of families from Brittany, Alsace, the
 * Basque country, Portugal, Italy, Spain, North and West Africa, Vietnam.
 * The order matters: earlier names are drawn more often (Zipf-like weights).
 */

/** faker's lists are typed optional (locales may lack them); the French one has them all. */
function liste(valeurs: readonly string[] | null | undefined, quoi: string): readonly string[] {
  if (!valeurs?.length) throw new Error(`faker (fr) sans liste de ${quoi}`);
  return valeurs;
}
const NOMS_FAKER = liste(fr.person?.last_name?.generic, 'noms');
const PRENOMS_FAKER = { M: liste(fr.person?.first_name?.male, 'prénoms masculins'), F: liste(fr.person?.first_name?.female, 'prénoms féminins') };

const ACCENTS_FAKER: Record<string, string> = {
  Andre: 'André',
  Clement: 'Clément',
  Gerard: 'Gérard',
  Guerin: 'Guérin',
  Menard: 'Ménard',
  Riviere: 'Rivière',
  Noel: 'Noël',
  Prevost: 'Prévost',
  Remy: 'Rémy',
  Laine: 'Lainé',
  Carre: 'Carré',
  Francois: 'François',
  'Da silva': 'Da Silva',
  'Le gall': 'Le Gall',
  'Le roux': 'Le Roux',
};

const NOMS_AJOUTES = [
  'Lefèvre', 'Lefeuvre', 'Dupond', 'Mayer', 'Maier', 'Rousseaux', 'Tomas', 'Filipe', 'Catherine', 'Katherine',
  'Le Goff', 'Le Bihan', 'Le Floch', 'Le Corre', 'Le Bris', 'Le Guen', 'Guéguen', 'Kerjean', 'Le Meur', 'Hénaff',
  'de La Fontaine', 'de La Tour', 'du Pont', 'de Saint-Exupéry', 'de Lattre', 'de La Roche', 'Du Bois', 'des Rochers',
  'N’Diaye', 'N’Guessan', 'N’Dour', 'D’Almeida', 'D’Angelo', 'D’Onofrio', 'L’Hermitte', 'L’Huillier', 'D’Hérouville',
  'Diallo', 'Traoré', 'Koné', 'Diop', 'Camara', 'Cissé', 'Keïta', 'Sow', 'Fofana', 'Touré',
  'Benali', 'Haddad', 'Bouaziz', 'Mansouri', 'El Amrani', 'Ben Saïd', 'Belkacem', 'Meziane', 'Hamidi', 'Chérif',
  'Tran', 'Pham', 'Hoang', 'Vo', 'Dang',
  'Dos Santos', 'Pereira', 'Ferreira', 'Rodrigues', 'Gonçalves', 'Martins', 'Costa', 'Lopes', 'Ribeiro', 'Carvalho',
  'Rossi', 'Russo', 'Bianchi', 'Romano', 'Esposito', 'Ricci', 'Colombo', 'Bruno',
  'Schmidt', 'Müller', 'Weber', 'Wagner', 'Hoffmann', 'Klein', 'Koch', 'Meier', 'Wolff', 'Schwartz',
  'Etcheverry', 'Etchegaray', 'Irigoyen', 'Harispe', 'Larralde',
  'Hérault', 'Hébert', 'Hamon', 'Cazenave', 'Lacoste', 'Pujol', 'Puig', 'Bonnefoy', 'Bénard', 'Béranger',
  'Bérenger', 'Thébault', 'Thiébaut', 'Théry', 'Mathé', 'Jégou', 'Prévot', 'Frémont', 'Lévêque', 'Lévesque',
  'Gaultier', 'Régnier', 'Renier', 'Delaunay', 'Delafosse', 'Desmoulins', 'Chevallier', 'Lefebure', 'Rolland',
  'Mallet', 'Besnard', 'Gosselin', 'Pichon', 'Fabre-Delmas', 'Courtois', 'Chauvin', 'Boucher', 'Bouvier', 'Texier',
];

/** Surnames by decreasing frequency (faker's common ones first, then ours). */
export const NOMS: readonly string[] = dedoublonner([
  ...NOMS_FAKER.map((n) => ACCENTS_FAKER[n] ?? n),
  ...Object.keys(ACCENTS_FAKER).filter((n) => n !== 'Da silva' && n !== 'Le gall' && n !== 'Le roux'),
  ...NOMS_AJOUTES,
]);

/** Given names of every generation; faker's long lists give the long tail. */
const PRENOMS_M = [
  'Jean', 'Pierre', 'Michel', 'André', 'Philippe', 'Louis', 'Alain', 'Jacques', 'Bernard', 'Marcel',
  'Daniel', 'Roger', 'Robert', 'Paul', 'Claude', 'Christian', 'Henri', 'Georges', 'Nicolas', 'François',
  'Patrick', 'Gérard', 'Christophe', 'Joseph', 'René', 'Julien', 'Thomas', 'Alexandre', 'Maxime', 'Lucas',
  'Hugo', 'Léo', 'Gabriel', 'Raphaël', 'Arthur', 'Jules', 'Mohamed', 'Jean-Pierre', 'Jean-Claude', 'Jean-Luc',
  'Jean-Marc', 'Jean-Baptiste', 'Émile', 'Étienne', 'Noël', 'Mamadou', 'Youssef', 'Antoine', 'Mathieu', 'Matthieu',
  'Philippe', 'Filipe', 'Felipe', 'Hervé', 'Yannick', 'Loïc', 'Gaël', 'Killian', 'Enzo', 'Nathan',
];
const PRENOMS_F = [
  'Marie', 'Jeanne', 'Françoise', 'Monique', 'Catherine', 'Nathalie', 'Isabelle', 'Sylvie', 'Anne', 'Martine',
  'Christine', 'Jacqueline', 'Nicole', 'Sophie', 'Valérie', 'Sandrine', 'Julie', 'Camille', 'Léa', 'Manon',
  'Emma', 'Chloé', 'Inès', 'Jade', 'Louise', 'Alice', 'Lina', 'Marie-Hélène', 'Anne-Marie', 'Marie-Claude',
  'Hélène', 'Élodie', 'Aurélie', 'Émilie', 'Cécile', 'Geneviève', 'Thérèse', 'Odette', 'Yvette', 'Germaine',
  'Simone', 'Fatima', 'Aïcha', 'Fatoumata', 'Katherine', 'Kathy', 'Maëlle', 'Zoé', 'Noémie', 'Céline',
  'Marie-Thérèse', 'Marie-Christine', 'Marie-Josée', 'Jeanne-Marie', 'Agnès', 'Bénédicte', 'Mélanie', 'Ophélie', 'Maïa', 'Éloïse',
];

const sansEspace = (n: string) => !/\s/.test(n);

export const PRENOMS: Record<'M' | 'F', readonly string[]> = {
  M: dedoublonner([...PRENOMS_M, ...PRENOMS_FAKER.M.filter(sansEspace)]),
  F: dedoublonner([...PRENOMS_F, ...PRENOMS_FAKER.F.filter(sansEspace)]),
};

/** Occupations as registers write them, by sex (registers of the 20th century are gendered). */
export const PROFESSIONS: Record<'M' | 'F', readonly string[]> = {
  M: [
    'agriculteur', 'ouvrier', 'employé', 'commerçant', 'boulanger', 'instituteur', 'maçon', 'menuisier', 'chauffeur',
    'mécanicien', 'cultivateur', 'cheminot', 'infirmier', 'ingénieur', 'artisan', 'retraité', 'sans profession',
    'professeur', 'électricien', 'comptable', 'médecin', 'gendarme', 'facteur', 'cuisinier', 'technicien',
  ],
  F: [
    'sans profession', 'ménagère', 'employée', 'ouvrière', 'institutrice', 'couturière', 'infirmière', 'commerçante',
    'secrétaire', 'vendeuse', 'agricultrice', 'aide-soignante', 'retraitée', 'professeure', 'comptable', 'coiffeuse',
    'employée de bureau', 'cuisinière', 'médecin', 'technicienne',
  ],
};

/** Places of birth abroad, as "Ville (Pays)". */
export const LIEUX_ETRANGERS: readonly { commune: string; pays: string }[] = [
  { commune: 'Casablanca', pays: 'Maroc' },
  { commune: 'Alger', pays: 'Algérie' },
  { commune: 'Oran', pays: 'Algérie' },
  { commune: 'Tunis', pays: 'Tunisie' },
  { commune: 'Dakar', pays: 'Sénégal' },
  { commune: 'Bamako', pays: 'Mali' },
  { commune: 'Abidjan', pays: 'Côte d’Ivoire' },
  { commune: 'Lisbonne', pays: 'Portugal' },
  { commune: 'Porto', pays: 'Portugal' },
  { commune: 'Madrid', pays: 'Espagne' },
  { commune: 'Barcelone', pays: 'Espagne' },
  { commune: 'Naples', pays: 'Italie' },
  { commune: 'Turin', pays: 'Italie' },
  { commune: 'Hanoï', pays: 'Viêt Nam' },
  { commune: 'Bruxelles', pays: 'Belgique' },
  { commune: 'Genève', pays: 'Suisse' },
  { commune: 'Stuttgart', pays: 'Allemagne' },
];

function dedoublonner(liste: string[]): string[] {
  return [...new Set(liste)];
}
