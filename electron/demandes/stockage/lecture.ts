import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';
import type { Base } from '../../db';
import type { Demande } from '../../comedec';
import {
  EtatsDemande,
  etatDemande,
  FUSEAU,
  SEUIL_J2,
  SEUIL_J5,
  type EtatDemande,
} from '../../../shared/domain/echeances';
import type { DetailDemande, ResumeDemande } from '../../../shared/contract/demandes';
import type { Envoi } from '../../../shared/contract/sync';
import { erreurs } from '../../../shared/errors';
import { lireDonneesDemande } from './donnees';

/**
 * Reading requests with their state. The state depends on the clock, so it is not stored:
 * SQL derives it (to filter, count and sort over thousands of rows on indexed columns) from the
 * deadlines stored with each request, and each returned row is computed again by
 * `etatDemande` — the one rule in shared/domain/echeances.ts. A test checks both agree.
 */
interface LigneDemande {
  id: number;
  id_plateforme: string;
  version_format: number;
  specimen: number;
  type_acte: ResumeDemande['typeActe'];
  mise_a_disposition: string;
  echeance_procedure: string | null;
  jour_limite: string;
  purge_le: string;
  donnees: string;
  cycle: ResumeDemande['cycle'];
  sens_reponse: ResumeDemande['sens'];
  recue_le: string;
  etat: EtatDemande;
}

/** Bounds of the clock-dependent states, for SQL: now, and the Paris days J+2 and J+5. */
function bornes(maintenant: Date) {
  const aujourdhui = new TZDate(maintenant.getTime(), FUSEAU);
  return {
    maintenant: maintenant.toISOString(),
    j2: format(addDays(aujourdhui, SEUIL_J2), 'yyyy-MM-dd'),
    j5: format(addDays(aujourdhui, SEUIL_J5), 'yyyy-MM-dd'),
  };
}

export const SQL_ETAT = `CASE
  WHEN cycle IN ('repondue', 'accusee') THEN cycle
  WHEN purge_le <= @maintenant THEN 'purgee'
  WHEN retard_des <= @maintenant THEN 'en_retard'
  WHEN jour_limite <= @j5 THEN 'a_echeance'
  ELSE cycle END`;

const ORDRE = `CASE etat WHEN 'en_retard' THEN 0 WHEN 'a_echeance' THEN 1 WHEN 'recue' THEN 2 WHEN 'en_cours' THEN 3
  WHEN 'repondue' THEN 4 WHEN 'accusee' THEN 5 ELSE 6 END`;

function resume(l: LigneDemande, d: Demande, maintenant: Date): ResumeDemande {
  const calcul = etatDemande(
    { cycle: l.cycle, misADispositionLe: l.mise_a_disposition, jourLimiteDemandeur: l.echeance_procedure },
    maintenant,
  );
  return {
    id: l.id,
    idPlateforme: l.id_plateforme,
    versionFormat: l.version_format,
    specimen: l.specimen === 1,
    typeActe: l.type_acte,
    demandeur: { type: d.demandeur.type, libelle: d.demandeur.libelle, reference: d.demandeur.reference },
    personne: { nom: d.personne.nom, prenoms: d.personne.prenoms },
    misADisposition: l.mise_a_disposition,
    jourLimite: l.jour_limite,
    purgeLe: l.purge_le,
    cycle: l.cycle,
    sens: l.sens_reponse,
    etat: calcul.etat,
    alerte: calcul.alerte,
    joursRestants: calcul.joursRestants,
    recueLe: l.recue_le,
  };
}

export interface FiltreDemandes {
  etats?: EtatDemande[];
  alerte?: 'J-5' | 'J-2';
  specimens?: boolean;
  limite: number;
  decalage: number;
}

export function compteurs(db: Base, maintenant: Date): Record<EtatDemande, number> {
  const res = Object.fromEntries(EtatsDemande.map((e) => [e, 0])) as Record<EtatDemande, number>;
  const lignes = db
    .prepare(`SELECT ${SQL_ETAT} AS etat, count(*) AS n FROM demandes GROUP BY 1`)
    .all(bornes(maintenant)) as { etat: EtatDemande; n: number }[];
  for (const l of lignes) res[l.etat] = l.n;
  return res;
}

/** How many requests each deadline alert holds (the J-2 and J-5 filters show their counts like the others). */
export function compteursAlertes(db: Base, maintenant: Date): Record<'J-2' | 'J-5', number> {
  const l = db
    .prepare(
      `SELECT coalesce(sum(jour_limite <= @j2), 0) AS j2, coalesce(sum(jour_limite > @j2), 0) AS j5
       FROM (SELECT jour_limite, ${SQL_ETAT} AS etat FROM demandes) WHERE etat = 'a_echeance'`,
    )
    .get(bornes(maintenant)) as { j2: number; j5: number };
  return { 'J-2': l.j2, 'J-5': l.j5 };
}

export function listerDemandes(
  db: Base,
  f: FiltreDemandes,
  maintenant: Date,
): { demandes: ResumeDemande[]; total: number } {
  const conditions: string[] = [];
  const params: Record<string, unknown> = { ...bornes(maintenant), limite: f.limite, decalage: f.decalage };
  if (f.etats?.length) {
    conditions.push(`etat IN (${f.etats.map((_, i) => `@e${i}`).join(', ')})`);
    f.etats.forEach((e, i) => (params[`e${i}`] = e));
  }
  if (f.alerte === 'J-2') conditions.push(`etat = 'a_echeance' AND jour_limite <= @j2`);
  if (f.alerte === 'J-5') conditions.push(`etat = 'a_echeance' AND jour_limite > @j2`);
  if (f.specimens !== undefined) {
    conditions.push('specimen = @specimen');
    params.specimen = f.specimens ? 1 : 0;
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const base = `SELECT *, ${SQL_ETAT} AS etat FROM demandes`;
  const total = (db.prepare(`SELECT count(*) AS n FROM (${base}) ${where}`).get(params) as { n: number }).n;
  const lignes = db
    .prepare(`SELECT * FROM (${base}) ${where} ORDER BY ${ORDRE}, retard_des, id LIMIT @limite OFFSET @decalage`)
    .all(params) as LigneDemande[];
  return { demandes: lignes.map((l) => resume(l, lireDonneesDemande(l.donnees), maintenant)), total };
}

/** `envois`: the outbox rows about this request (the outbox is the sync room's: app.ts hands its reader). */
export function lireDemandeStockee(
  db: Base,
  id: number,
  maintenant: Date,
  envois: (demandeId: number) => Envoi[],
): DetailDemande {
  const l = db
    .prepare(`SELECT *, ${SQL_ETAT} AS etat FROM demandes WHERE id = @id`)
    .get({ ...bornes(maintenant), id }) as LigneDemande | undefined;
  if (!l) throw erreurs.introuvable('Demande', id);
  const d = lireDonneesDemande(l.donnees);
  return {
    ...resume(l, d, maintenant),
    declaration: {
      personne: {
        nom: d.personne.nom,
        nomUsage: d.personne.nomUsage,
        prenoms: d.personne.prenoms,
        sexe: d.personne.sexe,
        dateNaissance: d.personne.dateNaissance,
        lieuNaissance: d.personne.lieuNaissance,
      },
      pere: d.pere,
      mere: d.mere,
      conjoint: d.conjoint,
      evenement: d.evenement,
    },
    echeanceProcedure: l.echeance_procedure,
    envois: envois(id),
  };
}
