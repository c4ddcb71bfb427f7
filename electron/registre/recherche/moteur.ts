import type Database from 'better-sqlite3';
import type { ResultatRecherche } from '../../../shared/contract/registre';
import type { TypeActe } from '../../../shared/domain/acte';
import { DERNIERE_ANNEE_REGISTRE, PREMIERE_ANNEE_REGISTRE } from '../../../shared/domain/validation';
import type { Base } from '../../db';
import { decoderNoms } from '../donnees-acte';
import { ExpanseurVocabulaire } from './expansion';
import { expressionFts, type GroupeFts } from './expression-fts';
import { jetonType } from './jeton-type';
import { groupeLieu } from './jetons-lieu';
import { analyserRequete, type RequeteAnalysee } from './requete';
import { evaluer, rangDe, type NomsPersonne, type TermeEtendu } from './score';

/** Ranks from this one up: the query's words spread over several persons. */
const RANG_PERSONNES_DISTINCTES = rangDe(false, true, 'exacte');

export interface DemandeRecherche {
  texte: string;
  limite: number;
  type?: TypeActe;
}

interface LigneCandidate {
  id: number;
  type: TypeActe;
  annee: number;
  numero: number;
  date_evenement: string | null;
  indexe: 0 | 1;
  donnees: string;
}

/** The search passes, from the strictest: a looser pass runs only if the stricter ones left room. */
const PASSES = ['exacte', 'phonetique', 'approchee'] as const;
/**
 * Candidates read and scored per pass, as a multiple of the requested number of results.
 * Reading a candidate (a row fetched by id, its JSON, its score) is most of a search's cost;
 * one candidate per result keeps a 100-result search on a million acts within a few ms.
 * Within a kind of match, results are then the best scored of the newest matching acts.
 * Measured: the (query, expected act) table (tests/unit/registre/recherche-table.test.ts, 120
 * queries on 4,000 acts) finds 100 % in the first 3 at 1, 2 and 3 alike. Request matching
 * (bench:match) has its own retrieval (demandes/rapprochement) and does not read this value.
 */
const CANDIDATS_PAR_RESULTAT = 1;

/**
 * The register's search engine. One text box: names (with phonetic variants, typos and the
 * word being typed), dates, act type and number, a place after "à"; see requete.ts.
 *
 * How: each name word is expanded through the small vocabulary (expansion.ts), then ONE FTS5
 * query per pass finds the acts holding every word (in any of its forms) and every date;
 * the newest candidates are read and scored in TypeScript (score.ts): exact matches first,
 * then phonetic, then approximate, and by score within each kind.
 */
export class MoteurRecherche {
  private readonly expanseur: ExpanseurVocabulaire;
  private readonly requetesFts = new Map<string, Database.Statement<unknown[], number>>();
  private readonly s: {
    parCle: Database.Statement<[number, number], LigneCandidate>;
    parNumero: Database.Statement<[number, number], LigneCandidate>;
    recents: Database.Statement<[number], LigneCandidate>;
    recentsParType: Database.Statement<[TypeActe, number], LigneCandidate>;
    parIds: Database.Statement<[string], LigneCandidate>;
  };

  constructor(private readonly db: Base) {
    this.expanseur = new ExpanseurVocabulaire(db);
    const colonnes = 'a.id, a.type, a.annee, a.numero, a.date_evenement, a.indexe, a.donnees';
    this.s = {
      // The type listed, so that the (type, annee, numero) key index answers: three lookups, no scan.
      parCle: db.prepare(
        `SELECT ${colonnes} FROM actes a WHERE a.type IN ('naissance', 'mariage', 'deces') AND a.annee = ? AND a.numero = ?`,
      ),
      // A number without its year: one key lookup per (type, year) since registers began,
      // a thousand index probes instead of reading every act.
      parNumero: db.prepare(
        `WITH RECURSIVE annees (n) AS (SELECT ${PREMIERE_ANNEE_REGISTRE} UNION ALL SELECT n + 1 FROM annees WHERE n < ${DERNIERE_ANNEE_REGISTRE})
         SELECT ${colonnes} FROM annees CROSS JOIN actes a
         WHERE a.type IN ('naissance', 'mariage', 'deces') AND a.annee = annees.n AND a.numero = ?
         ORDER BY annees.n DESC LIMIT ?`,
      ),
      recents: db.prepare(`SELECT ${colonnes} FROM actes a ORDER BY a.id DESC LIMIT ?`),
      recentsParType: db.prepare(
        `SELECT ${colonnes} FROM actes a WHERE a.type = ? ORDER BY a.annee DESC, a.numero DESC LIMIT ?`,
      ),
      parIds: db.prepare(`SELECT ${colonnes} FROM actes a WHERE a.id IN (SELECT value FROM json_each(?))`),
    };
  }

  rechercher(demande: DemandeRecherche): { resultats: ResultatRecherche[]; dureeMs: number } {
    const debut = performance.now();
    const requete = analyserRequete(demande.texte);
    const type = demande.type ?? requete.type;
    if (demande.type && requete.type && demande.type !== requete.type)
      return { resultats: [], dureeMs: performance.now() - debut };
    const resultats =
      requete.noms.length || requete.dates.length || requete.lieu
        ? this.parIndex(requete, type, demande.limite)
        : this.sansIndex(requete, type, demande.limite);
    return { resultats, dureeMs: performance.now() - debut };
  }

  /** No name nor date: by act number, by type, or the latest acts. */
  private sansIndex(r: RequeteAnalysee, type: TypeActe | undefined, limite: number): ResultatRecherche[] {
    let lignes: LigneCandidate[];
    // A number asked for is an exact match; the latest acts (nothing typed) match nothing.
    const correspondance = r.numero !== undefined ? 'exacte' : null;
    if (r.annee !== undefined && r.numero !== undefined) lignes = this.s.parCle.all(r.annee, r.numero);
    else if (r.numero !== undefined) lignes = this.s.parNumero.all(r.numero, limite * 3);
    else if (type) lignes = this.s.recentsParType.all(type, limite);
    else lignes = this.s.recents.all(limite);
    return lignes
      .filter((l) => !type || l.type === type)
      .slice(0, limite)
      .map((l) => versResultat(l, decoderNoms(l.donnees), { correspondance, score: 100 }));
  }

  private parIndex(r: RequeteAnalysee, type: TypeActe | undefined, limite: number): ResultatRecherche[] {
    const requis = r.noms.filter((n) => !n.particule);
    const particules = r.noms.filter((n) => n.particule).map((n) => n.mot);
    // Each word's forms, widened pass after pass; the sets serve the scoring too.
    const formes = requis.map((terme) => {
      const ecritures = this.expanseur.ecritures(terme);
      const exacts = [...this.expanseur.exacts(terme), ...ecritures];
      return {
        terme,
        mots: exacts,
        connus: new Set(exacts),
        ecritures: new Set(ecritures),
        phonetiques: new Set<string>(),
        approches: new Set<string>(),
      };
    });
    const termes: TermeEtendu[] = formes;
    const filtres: GroupeFts[] = [
      ...r.dates.map((d) => (d.prefixe ? { mots: [], prefixes: [d.jeton] } : { mots: [d.jeton] })),
      // The place is one more group: any of the tokens its spelling stands for (jetons-lieu.ts).
      ...(r.lieu ? [groupeLieu(r.lieu.texte, r.lieu.prefixe)] : []),
      ...(type ? [{ mots: [jetonType(type)] }] : []),
    ];

    const vus = new Map<number, { resultat: ResultatRecherche; rang: number }>();
    // The acts the stricter passes already matched are excluded from a looser pass's query
    // (FTS5 NOT), so that each pass reads acts it alone finds: otherwise a page filled with
    // exact matches (LEFEBVRE) would hide every phonetic one (LEFÈVRE) however few.
    let dejaCherche: string | null = null;
    for (const passe of PASSES) {
      // The phonetic pass always runs: a whole-query phonetic match on the child ranks above
      // exact matches spread over several persons. The approximate one only when the page
      // lacks acts holding the whole query on one person.
      if (passe === 'approchee' && [...vus.values()].filter((v) => v.rang < RANG_PERSONNES_DISTINCTES).length >= limite)
        break;
      let elargi = passe === 'exacte';
      for (const f of formes) {
        const nouveaux =
          passe === 'phonetique'
            ? this.expanseur.phonetiques(f.terme, f.connus)
            : passe === 'approchee'
              ? this.expanseur.approches(f.terme, f.connus)
              : [];
        for (const m of nouveaux) {
          f.connus.add(m);
          (passe === 'phonetique' ? f.phonetiques : f.approches).add(m);
        }
        if (nouveaux.length) {
          f.mots = [...f.mots, ...nouveaux];
          elargi = true;
        }
      }
      if (!elargi) continue;
      const expression = expressionFts([...formes.map((f) => ({ mots: f.mots })), ...filtres]);
      if (!expression) continue;
      const nouvelle = dejaCherche ? `(${expression}) NOT (${dejaCherche})` : expression;
      dejaCherche = expression;
      const ids = this.candidats(nouvelle, r, limite * CANDIDATS_PAR_RESULTAT).filter((id) => !vus.has(id));
      if (ids.length === 0) continue;
      for (const ligne of this.s.parIds.all(JSON.stringify(ids))) {
        const personnes = decoderNoms(ligne.donnees);
        const e = evaluer(ligne.type, personnes, termes, particules);
        vus.set(ligne.id, { resultat: versResultat(ligne, personnes, e), rang: e.rang });
      }
    }
    return garderDesVariantes([...vus.values()].sort(comparer), limite).map((v) => v.resultat);
  }

  /** Ids of the newest acts matching the FTS expression and the filters. */
  private candidats(expression: string, r: RequeteAnalysee, limite: number): number[] {
    // The type is in the FTS expression (jetonType); year and number are columns.
    const filtres: string[] = [];
    const valeurs: unknown[] = [expression];
    if (r.annee !== undefined) {
      filtres.push('a.annee = ?');
      valeurs.push(r.annee);
    }
    if (r.numero !== undefined) {
      filtres.push('a.numero = ?');
      valeurs.push(r.numero);
    }
    // FTS5 walks doclists backwards (newest first) up to 40 times slower than forwards
    // (measured: 3.3 ms against 0.08 ms for "marie AND y1929 AND tnaissance" on a million
    // acts). A forward probe first: when every match fits in the page, it is the answer;
    // otherwise the newest acts are fetched backwards.
    const tous = this.requeteFts(filtres, 'ASC').all(...valeurs, limite + 1);
    if (tous.length <= limite) return tous.reverse();
    return this.requeteFts(filtres, 'DESC').all(...valeurs, limite);
  }

  /** One prepared statement per combination of filters and order (eight at most), kept for the engine's life. */
  private requeteFts(filtres: string[], ordre: 'ASC' | 'DESC'): Database.Statement<unknown[], number> {
    const cle = `${filtres.join(' AND ')} ${ordre}`;
    let s = this.requetesFts.get(cle);
    if (!s) {
      // Without a filter the FTS index alone answers; a filter reads the act's columns.
      s = this.db
        .prepare<unknown[], number>(
          filtres.length
            ? `SELECT r.rowid FROM actes_recherche r JOIN actes a ON a.id = r.rowid
               WHERE actes_recherche MATCH ?${filtres.map((f) => ` AND ${f}`).join('')} ORDER BY r.rowid ${ordre} LIMIT ?`
            : `SELECT rowid FROM actes_recherche WHERE actes_recherche MATCH ? ORDER BY rowid ${ordre} LIMIT ?`,
        )
        .pluck();
      this.requetesFts.set(cle, s);
    }
    return s;
  }
}

/** Share of a full page kept for spelling variants when exact matches alone would fill it. */
const PART_VARIANTES = 0.2;

/**
 * The first `limite` of `classes` (already in rank order), except that when exact matches
 * alone would fill the page, its last fifth goes to the best variants (phonetic first): a
 * search for "Lefebvre" in a register of a thousand LEFEBVRE still shows LEFÈVRE, after them.
 */
function garderDesVariantes<T extends { resultat: ResultatRecherche }>(classes: T[], limite: number): T[] {
  if (classes.length <= limite) return classes;
  const place = Math.floor(limite * PART_VARIANTES);
  const page = classes.slice(0, limite);
  const variantes = classes.slice(limite).filter((v) => v.resultat.correspondance !== 'exacte');
  const manquent = place - page.filter((v) => v.resultat.correspondance !== 'exacte').length;
  if (manquent <= 0 || variantes.length === 0) return page;
  const ajout = variantes.slice(0, manquent);
  return [...page.slice(0, limite - ajout.length), ...ajout];
}

function versResultat(
  l: LigneCandidate,
  personnes: NomsPersonne[],
  e: Pick<ResultatRecherche, 'correspondance' | 'score'>,
): ResultatRecherche {
  return {
    id: l.id,
    type: l.type,
    annee: l.annee,
    numero: l.numero,
    dateEvenement: l.date_evenement,
    indexe: l.indexe === 1,
    personnes,
    score: e.score,
    correspondance: e.correspondance,
  };
}

/**
 * The rank class (score.ts: one person, principal, exact / phonetic / approximate); then the
 * score; then the most recent event; then the most recently entered act. README, "Rechercher
 * dans le registre".
 */
function comparer(
  a: { resultat: ResultatRecherche; rang: number },
  b: { resultat: ResultatRecherche; rang: number },
): number {
  return (
    a.rang - b.rang ||
    b.resultat.score - a.resultat.score ||
    (b.resultat.dateEvenement ?? '').localeCompare(a.resultat.dateEvenement ?? '') ||
    b.resultat.id - a.resultat.id
  );
}
