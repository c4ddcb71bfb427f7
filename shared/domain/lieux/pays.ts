import { cleNom } from './noms';

/**
 * Countries as officers write them, in French, with the old or common names that mean the
 * same country today ("Angleterre" for the United Kingdom, "RFA" for Germany). The list tells
 * "Maroc - Casablanca" (country first) from "Casablanca - Maroc"; a country it does not know is
 * still read when written in the usual places ("Ville (Pays)", "Ville, Pays").
 */
const PAYS: Record<string, readonly string[]> = {
  Afghanistan: [],
  'Afrique du Sud': [],
  Albanie: [],
  Algérie: [],
  Allemagne: ['RFA', 'RDA', 'République fédérale d’Allemagne'],
  Andorre: [],
  Angola: [],
  'Arabie saoudite': [],
  Argentine: [],
  Arménie: [],
  Australie: [],
  Autriche: [],
  Azerbaïdjan: [],
  Bangladesh: [],
  Belgique: [],
  Bénin: ['Dahomey'],
  Biélorussie: ['Bélarus'],
  Bolivie: [],
  'Bosnie-Herzégovine': [],
  Brésil: [],
  Bulgarie: [],
  'Burkina Faso': ['Haute-Volta'],
  Burundi: [],
  Cambodge: [],
  Cameroun: [],
  Canada: [],
  'Cap-Vert': [],
  Centrafrique: ['République centrafricaine'],
  Chili: [],
  Chine: [],
  Chypre: [],
  Colombie: [],
  Comores: [],
  Congo: ['République du Congo', 'Congo-Brazzaville'],
  'République démocratique du Congo': ['RDC', 'Zaïre', 'Congo-Kinshasa'],
  'Corée du Sud': ['Corée'],
  'Côte d’Ivoire': [],
  Croatie: [],
  Cuba: [],
  Danemark: [],
  Djibouti: [],
  Égypte: [],
  Équateur: [],
  Érythrée: [],
  Espagne: [],
  Estonie: [],
  'États-Unis': ['USA', 'États-Unis d’Amérique', 'Etats Unis'],
  Éthiopie: [],
  Finlande: [],
  Gabon: [],
  Géorgie: [],
  Ghana: [],
  Grèce: [],
  Guatemala: [],
  Guinée: ['Guinée-Conakry'],
  'Guinée-Bissau': [],
  'Guinée équatoriale': [],
  Haïti: [],
  Hongrie: [],
  Inde: [],
  Indonésie: [],
  Irak: ['Iraq'],
  Iran: [],
  Irlande: [],
  Islande: [],
  Israël: [],
  Italie: [],
  Japon: [],
  Jordanie: [],
  Kazakhstan: [],
  Kenya: [],
  Kosovo: [],
  Laos: [],
  Lettonie: [],
  Liban: [],
  Libye: [],
  Lituanie: [],
  Luxembourg: [],
  'Macédoine du Nord': ['Macédoine'],
  Madagascar: [],
  Malaisie: [],
  Mali: [],
  Malte: [],
  Maroc: [],
  Maurice: ['Île Maurice'],
  Mauritanie: [],
  Mexique: [],
  Moldavie: [],
  Monaco: [],
  Mongolie: [],
  Monténégro: [],
  Mozambique: [],
  Népal: [],
  Niger: [],
  Nigeria: [],
  Norvège: [],
  'Nouvelle-Zélande': [],
  Pakistan: [],
  Palestine: [],
  Paraguay: [],
  'Pays-Bas': ['Hollande'],
  Pérou: [],
  Philippines: [],
  Pologne: [],
  Portugal: [],
  Qatar: [],
  Roumanie: [],
  'Royaume-Uni': ['Angleterre', 'Grande-Bretagne', 'Écosse', 'Pays de Galles'],
  Russie: ['URSS', 'Union soviétique', 'Fédération de Russie'],
  Rwanda: [],
  Sénégal: [],
  Serbie: ['Yougoslavie'],
  Slovaquie: [],
  Slovénie: [],
  Somalie: [],
  Soudan: [],
  'Sri Lanka': ['Ceylan'],
  Suède: [],
  Suisse: [],
  Syrie: [],
  Tchad: [],
  Tchéquie: ['République tchèque', 'Tchécoslovaquie'],
  Thaïlande: [],
  Togo: [],
  Tunisie: [],
  Turquie: [],
  Ukraine: [],
  Uruguay: [],
  Venezuela: [],
  'Viêt Nam': ['Vietnam', 'Viet-Nam'],
  Yémen: [],
  Zambie: [],
  Zimbabwe: [],
};

const FRANCE = new Set(['france', 'republiquefrancaise', 'fr']);

const CLES = new Map<string, string>();
for (const [nom, autres] of Object.entries(PAYS)) {
  const cle = cleNom(nom);
  CLES.set(cle, cle);
  for (const a of autres) CLES.set(cleNom(a), cle);
}

export function estFrance(texte: string): boolean {
  return FRANCE.has(cleNom(texte));
}

export function estPaysConnu(texte: string): boolean {
  return CLES.has(cleNom(texte));
}

/** The country's key: one key for all its names ("Angleterre" and "Royaume-Uni" give one). */
export function clePays(texte: string): string {
  const cle = cleNom(texte);
  return CLES.get(cle) ?? cle;
}
