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
import { TypesActe, type TypeActe } from '../../../shared/domain/acte';
import { bornesReception, motifsPersonne, sansDimension } from '../../../shared/domain/filtre-demandes';
import { TypesDemandeur, type TypeDemandeur } from '../../../shared/comedec';
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
  typesActe?: TypeActe[];
  demandeurs?: TypeDemandeur[];
  personne?: string;
  du?: string;
  au?: string;
  specimens?: boolean;
  limite: number;
  decalage: number;
}
type Criteres = Omit<FiltreDemandes, 'limite' | 'decalage'>;

/** Only what the list shows: the raw XML (`document`) stays on disk. */
const COLONNES = `id, id_plateforme, version_format, specimen, type_acte, demandeur_type, mise_a_disposition,
  echeance_procedure, jour_limite, retard_des, purge_le, donnees, cycle, sens_reponse, recue_le`;

/**
 * The SQL of a set of criteria: the requests (with their computed state as \`etat\`) that pass
 * them. Criteria on stored columns filter the inner query (indexed columns), those on the state
 * the outer one. Every value is a bound parameter; `params` receives them.
 */
function selection(c: Criteres, params: Record<string, unknown>, colonnes = COLONNES): string {
  const dedans: string[] = [];
  const dehors: string[] = [];
  const liste = (nom: string, valeurs: readonly string[]) => {
    valeurs.forEach((v, i) => (params[`${nom}${i}`] = v));
    return valeurs.map((_, i) => `@${nom}${i}`).join(', ');
  };
  if (c.typesActe?.length) dedans.push(`type_acte IN (${liste('t', c.typesActe)})`);
  if (c.demandeurs?.length) dedans.push(`demandeur_type IN (${liste('d', c.demandeurs)})`);
  motifsPersonne(c.personne ?? '').forEach((m, i) => {
    params[`p${i}`] = m;
    dedans.push(`personne_recherche LIKE @p${i}`);
  });
  const { depuis, avant } = bornesReception(c.du, c.au);
  if (depuis) {
    params.depuis = depuis;
    dedans.push('mise_a_disposition >= @depuis');
  }
  if (avant) {
    params.avant = avant;
    dedans.push('mise_a_disposition < @avant');
  }
  if (c.specimens !== undefined) {
    params.specimen = c.specimens ? 1 : 0;
    dedans.push('specimen = @specimen');
  }
  if (c.etats?.length) dehors.push(`etat IN (${liste('e', c.etats)})`);
  if (c.alerte === 'J-2') dehors.push(`etat = 'a_echeance' AND jour_limite <= @j2`);
  if (c.alerte === 'J-5') dehors.push(`etat = 'a_echeance' AND jour_limite > @j2`);
  const ou = (w: string[]) => (w.length ? ` WHERE ${w.join(' AND ')}` : '');
  return `SELECT * FROM (SELECT ${colonnes}, ${SQL_ETAT} AS etat FROM demandes${ou(dedans)})${ou(dehors)}`;
}

/** Counts by one column under some criteria, specimens left out, every value present (0 when none). */
function compterPar<K extends string>(
  db: Base,
  c: Criteres,
  colonne: 'etat' | 'demandeur_type' | 'type_acte',
  valeurs: readonly K[],
  maintenant: Date,
): Record<K, number> {
  const params: Record<string, unknown> = { ...bornes(maintenant) };
  const sql = selection({ ...c, specimens: false }, params);
  const res = Object.fromEntries(valeurs.map((v) => [v, 0])) as Record<K, number>;
  const lignes = db.prepare(`SELECT ${colonne} AS v, count(*) AS n FROM (${sql}) GROUP BY 1`).all(params) as {
    v: K;
    n: number;
  }[];
  for (const l of lignes) if (l.v in res) res[l.v] = l.n;
  return res;
}

/** Requests per state, specimens never counted (the statistics' and the counters' rule). */
export function compteurs(db: Base, maintenant: Date, c: Criteres = {}): Record<EtatDemande, number> {
  return compterPar(db, sansDimension(c, 'etat'), 'etat', EtatsDemande, maintenant);
}

/** How many requests each deadline alert holds (the J-2 and J-5 filters show their counts like the others). */
export function compteursAlertes(db: Base, maintenant: Date, c: Criteres = {}): Record<'J-2' | 'J-5', number> {
  const params: Record<string, unknown> = { ...bornes(maintenant) };
  const sql = selection({ ...sansDimension(c, 'etat'), specimens: false }, params);
  const l = db
    .prepare(
      `SELECT coalesce(sum(jour_limite <= @j2), 0) AS j2, coalesce(sum(jour_limite > @j2), 0) AS j5
       FROM (${sql}) WHERE etat = 'a_echeance'`,
    )
    .get(params) as { j2: number; j5: number };
  return { 'J-2': l.j2, 'J-5': l.j5 };
}

/** The counts every filter value shows: each dimension counted under the other criteria. */
export function facettes(db: Base, maintenant: Date, c: Criteres) {
  return {
    demandeurs: compterPar(db, sansDimension(c, 'demandeur'), 'demandeur_type', TypesDemandeur, maintenant),
    typesActe: compterPar(db, sansDimension(c, 'typeActe'), 'type_acte', TypesActe, maintenant),
  };
}

/** Specimen requests passing the criteria (the list marks them; no count includes them). */
export function specimensListes(db: Base, maintenant: Date, c: Criteres): number {
  if (c.specimens === false) return 0;
  const params: Record<string, unknown> = { ...bornes(maintenant) };
  const sql = selection({ ...c, specimens: true }, params);
  return (db.prepare(`SELECT count(*) AS n FROM (${sql})`).get(params) as { n: number }).n;
}

/**
 * The listed requests by matching outcome (electron/demandes/rapprochement/ writes it; no row
 * yet: "en cours"), specimens left out like every count.
 */
export function issuesListees(
  db: Base,
  maintenant: Date,
  c: Criteres,
): Record<'sur' | 'a_verifier' | 'aucun' | 'en_cours', number> {
  const params: Record<string, unknown> = { ...bornes(maintenant) };
  const sql = selection({ ...c, specimens: false }, params);
  const res = { sur: 0, a_verifier: 0, aucun: 0, en_cours: 0 };
  const lignes = db
    .prepare(
      `SELECT coalesce(r.issue, 'en_cours') AS v, count(*) AS n
       FROM (${sql}) d LEFT JOIN rapprochements r ON r.demande_id = d.id GROUP BY 1`,
    )
    .all(params) as { v: keyof typeof res; n: number }[];
  for (const l of lignes) if (l.v in res) res[l.v] = l.n;
  return res;
}

export function listerDemandes(
  db: Base,
  f: FiltreDemandes,
  maintenant: Date,
): { demandes: ResumeDemande[]; total: number } {
  const { limite, decalage, ...c } = f;
  const params: Record<string, unknown> = { ...bornes(maintenant), limite, decalage };
  const sql = selection(c, params);
  const total = (db.prepare(`SELECT count(*) AS n FROM (${sql})`).get(params) as { n: number }).n;
  const lignes = db
    .prepare(`${sql} ORDER BY ${ORDRE}, retard_des, id LIMIT @limite OFFSET @decalage`)
    .all(params) as LigneDemande[];
  return { demandes: lignes.map((l) => resume(l, lireDonneesDemande(l.donnees), maintenant)), total };
}

/**
 * The whole filtered list, as `listerDemandes` orders it, reduced to what a run of "Traiter à la
 * suite" needs (id, specimen, cycle, state), from the request `depuis` on (the first when it is
 * absent or not in the list), `limite` at most. No JSON is read: only indexed columns, so the
 * 10,000 rows of a full list take a few ms.
 */
export function listerIdsDemandes(
  db: Base,
  c: Criteres & { depuis?: number },
  maintenant: Date,
  limite: number,
): { demandes: Pick<ResumeDemande, 'id' | 'specimen' | 'cycle' | 'etat'>[]; tronquee: boolean } {
  const { depuis, ...criteres } = c;
  const params: Record<string, unknown> = { ...bornes(maintenant) };
  const sql = selection(criteres, params, 'id, specimen, cycle, jour_limite, retard_des, purge_le');
  const lignes = db
    .prepare(`SELECT id, specimen, cycle, etat FROM (${sql}) ORDER BY ${ORDRE}, retard_des, id`)
    .all(params) as { id: number; specimen: number; cycle: ResumeDemande['cycle']; etat: EtatDemande }[];
  const debut = Math.max(0, depuis === undefined ? 0 : lignes.findIndex((l) => l.id === depuis));
  const suite = lignes.slice(debut, debut + limite);
  return {
    demandes: suite.map((l) => ({ id: l.id, specimen: l.specimen === 1, cycle: l.cycle, etat: l.etat })),
    tronquee: lignes.length - debut > limite,
  };
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
