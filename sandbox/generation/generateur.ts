import {
  personnesPrincipales,
  type Acte,
  type Lieu,
  type Personne,
  type Role,
  type TypeActe,
} from '../../shared/domain/acte';
import { Hasard } from '../hasard';
import { genererActes } from '../../electron/registre';
import type { CommunePlateforme, ParentDeclare } from '../../electron/comedec';
import type { Attendu, DemandeNeutre } from '../depots/demandes';
import { bruiter, type Bruit } from './bruit';
import { tirerDemandeur } from './demandeurs';
import type { SourceActes } from './source-actes';

/** A request before the platform gives it an id and dates. */
export type DemandePreparee = Omit<DemandeNeutre, 'id' | 'dates'> & { echeanceProcedureJours: number | null };

export interface DemandeGeneree {
  demande: DemandePreparee;
  attendu: Attendu;
  bruits: Bruit[];
}

export interface OptionsGeneration {
  commune: CommunePlateforme;
  nombre: number;
  graine: number;
  source: SourceActes;
  /** Share of requests for acts the commune does not hold (default 0.1). */
  proportionNonDetenus?: number;
  annee: number;
}

const PARENTS: Record<string, [Role, Role]> = {
  titulaire: ['pere', 'mere'],
  epoux1: ['pere_epoux1', 'mere_epoux1'],
  epoux2: ['pere_epoux2', 'mere_epoux2'],
};

function parentDeclare(p: Personne | undefined): ParentDeclare | null {
  return p ? { nom: p.nom, prenoms: p.prenoms } : null;
}

/** What a citizen declares about an act they ask for (before the noise). */
function declarer(
  acte: Acte,
  h: Hasard,
): Omit<DemandePreparee, 'demandeur' | 'echeanceProcedureJours' | 'specimen' | 'destinataire'> {
  const principales = personnesPrincipales(acte);
  const sujet = principales.length > 1 ? h.choix(principales) : principales[0];
  const autre = principales.find((p) => p !== sujet) ?? null;
  const [rolePere, roleMere] = PARENTS[sujet.role] ?? ['pere', 'mere'];
  const trouver = (r: Role) => acte.personnes.find((p) => p.role === r);
  const lieuNaissance: Lieu | null = acte.type === 'naissance' ? acte.lieuEvenement : sujet.lieuNaissance;
  return {
    typeActe: acte.type,
    personne: {
      nom: sujet.nom,
      nomUsage: null,
      prenoms: sujet.prenoms,
      sexe: sujet.sexe,
      dateNaissance: acte.type === 'naissance' ? acte.dateEvenement : sujet.dateNaissance,
      lieuNaissance,
    },
    pere: h.oui(0.85) ? parentDeclare(trouver(rolePere)) : null,
    mere: h.oui(0.9) ? parentDeclare(trouver(roleMere)) : null,
    conjoint: acte.type === 'mariage' ? parentDeclare(autre ?? undefined) : null,
    evenement: acte.type === 'naissance' ? null : { date: acte.dateEvenement, lieu: acte.lieuEvenement },
  };
}

/** Acts of people born, married or dead elsewhere: what a commune is asked for by mistake. */
function actesAilleurs(h: Hasard, n: number, type: TypeActe): Acte[] {
  const ailleurs = h.choix(['31555', '34172', '13055', '69123', '33063']);
  return [...genererActes({ actes: Math.max(60, n * 8), graine: h.entier(1, 1e9), commune: ailleurs })].filter(
    (a) => a.indexe && a.type === type,
  );
}

/**
 * Realistic requests for one commune: the requesters' mix, what citizens declare (with their
 * mistakes), and a share of requests for acts the commune does not hold — each checked against
 * the commune's acts, so "not held" is true and not just likely.
 */
export function genererDemandes(o: OptionsGeneration): DemandeGeneree[] {
  const h = new Hasard(o.graine);
  // The place and sound-alike alterations draw from their own sequence (see bruiter).
  const autres = new Hasard(o.graine + 1_000_003);
  const part = o.proportionNonDetenus ?? 0.1;
  const res: DemandeGeneree[] = [];
  for (let i = 0; i < o.nombre * 3 && res.length < o.nombre; i++) {
    const { demandeur, typeActe, delaiProcedureJours } = tirerDemandeur(h, o.annee);
    let acte: Acte | undefined;
    let attendu: Attendu;
    if (h.oui(part)) {
      acte = actesAilleurs(h, 1, typeActe).find(
        (a) => !o.source.detient(a.type, a.dateEvenement, personnesPrincipales(a)[0].nom),
      );
      attendu = { detenu: false };
    } else {
      acte = o.source.echantillon(12, h).find((a) => a.type === typeActe);
      attendu = acte ? { detenu: true, type: acte.type, annee: acte.annee, numero: acte.numero } : { detenu: false };
    }
    if (!acte) continue;
    const declare = declarer(acte, h);
    const conjoint = acte.type === 'mariage' ? (declare.conjoint?.nom ?? null) : conjointConnu(acte);
    const { personne: bruitee, bruits } = bruiter(declare.personne, h, conjoint, autres);
    res.push({
      demande: {
        ...declare,
        personne: bruitee,
        demandeur,
        specimen: false,
        destinataire: o.commune,
        echeanceProcedureJours: delaiProcedureJours,
      },
      attendu,
      bruits,
    });
  }
  return res;
}

/**
 * The spouse's surname from a marriage mention ("… avec Paul ROUSSEL."), when the act has one:
 * a married woman often declares her married name.
 */
function conjointConnu(acte: Acte): string | null {
  const m = acte.mentions.find((x) => x.type === 'mariage');
  const nom = m ? / avec \S+ (.+?)\.?$/.exec(m.texte)?.[1] : undefined;
  return nom?.trim() || null;
}

/** Specimen requests (connection test): an obviously fictitious person, flagged specimen. */
export function genererSpecimens(
  commune: CommunePlateforme,
  nombre: number,
  graine: number,
  annee: number,
): DemandeGeneree[] {
  const h = new Hasard(graine);
  return Array.from({ length: nombre }, (_, i) => {
    const sujet = {
      nom: 'SPECIMEN',
      prenoms: [h.choix(['Marianne', 'Jean', 'Louise', 'Victor'])],
      sexe: h.oui(0.5) ? ('F' as const) : ('M' as const),
    };
    return {
      demande: {
        specimen: true,
        destinataire: commune,
        demandeur: {
          type: 'interieur',
          libelle: 'ANTS — demande spécimen (test de connexion)',
          reference: `SPEC-${annee}-${String(i + 1).padStart(4, '0')}`,
          typeReference: 'dossier_titre',
        },
        typeActe: 'naissance',
        personne: {
          nom: sujet.nom,
          nomUsage: null,
          prenoms: sujet.prenoms,
          sexe: sujet.sexe,
          dateNaissance: `${h.entier(1950, 2005)}-0${h.entier(1, 9)}-1${h.entier(0, 9)}`,
          lieuNaissance: null,
        },
        pere: { nom: 'SPECIMEN', prenoms: ['Paul'] },
        mere: { nom: 'MODELE', prenoms: ['Anne'] },
        conjoint: null,
        evenement: null,
        echeanceProcedureJours: null,
      },
      attendu: { detenu: false },
      bruits: [],
    };
  });
}
