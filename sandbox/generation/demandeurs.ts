import type { TypeActe } from '../../shared/domain/acte';
import type { Hasard } from '../hasard';
import type { Demandeur, TypeDemandeur } from '../../electron/comedec';

/**
 * Who asks, and for what. Most requests come from the Ministry of the Interior (passports and
 * identity cards: birth acts), many from notaries (birth, marriage, death), some from other
 * communes (marriage and PACS files: birth acts mostly), a few from other public bodies.
 */
const DEMANDEURS: readonly (readonly [TypeDemandeur, number])[] = [
  ['interieur', 55],
  ['notaire', 35],
  ['commune', 7],
  ['autre', 3],
];

const ACTES: Record<TypeDemandeur, readonly (readonly [TypeActe, number])[]> = {
  interieur: [['naissance', 1]],
  notaire: [
    ['naissance', 50],
    ['mariage', 20],
    ['deces', 30],
  ],
  commune: [
    ['naissance', 85],
    ['mariage', 15],
  ],
  autre: [
    ['naissance', 70],
    ['deces', 30],
  ],
};

const VILLES_NOTAIRES = [
  'Castres',
  'Albi',
  'Mazamet',
  'Toulouse',
  'Carcassonne',
  'Montpellier',
  'Rodez',
  'Lavaur',
  'Gaillac',
  'Revel',
];
const COMMUNES_DEMANDERESSES = [
  'MAIRIE-31-TOULOUSE',
  'MAIRIE-81-CASTRES',
  'MAIRIE-34-MONTPELLIER',
  'MAIRIE-75-PARIS',
  'MAIRIE-81-MAZAMET',
  'MAIRIE-69-LYON',
];
const ORGANISMES = [
  'Caisse nationale d’assurance vieillesse',
  'Caisse d’allocations familiales du Tarn',
  'Direction générale des finances publiques',
];

export function tirerDemandeur(
  h: Hasard,
  annee: number,
): { demandeur: Demandeur; typeActe: TypeActe; delaiProcedureJours: number | null } {
  const type = h.pondere(DEMANDEURS);
  const typeActe = h.pondere(ACTES[type]);
  const n = (chiffres: number) => String(h.entier(0, 10 ** chiffres - 1)).padStart(chiffres, '0');
  switch (type) {
    case 'interieur': {
      const titre = h.oui(0.6) ? 'passeport' : 'carte nationale d’identité';
      return {
        demandeur: {
          type,
          libelle: `Ministère de l’Intérieur — titres (${titre})`,
          reference: `TES-${annee}-${n(8)}`,
          typeReference: 'dossier_titre',
        },
        typeActe,
        delaiProcedureJours: h.oui(0.3) ? 10 : null,
      };
    }
    case 'notaire':
      return {
        demandeur: {
          type,
          libelle: `Étude de Maître ${h.faker.person.lastName()}, ${h.choix(VILLES_NOTAIRES)}`,
          reference: `${annee}/${n(5)}`,
          typeReference: 'reference_etude',
        },
        typeActe,
        delaiProcedureJours: h.oui(0.15) ? 15 : null,
      };
    case 'commune': {
      const pacs = h.oui(0.2);
      return {
        demandeur: {
          type,
          libelle: h.choix(COMMUNES_DEMANDERESSES),
          reference: `${pacs ? 'PACS' : 'MAR'}-${annee}-${n(4)}`,
          typeReference: pacs ? 'dossier_pacs' : 'dossier_mariage',
        },
        typeActe,
        delaiProcedureJours: h.oui(0.5) ? 18 : null,
      };
    }
    default:
      return {
        demandeur: { type, libelle: h.choix(ORGANISMES), reference: `ORG-${n(10)}`, typeReference: 'autre' },
        typeActe,
        delaiProcedureJours: null,
      };
  }
}
