import { MotifsDocumentInvalide } from '../../../shared/comedec';
import { RegistreError } from '../../../shared/errors';
import { raisonValeurRefusee } from '../../../shared/xml/caracteres';
import { Alea } from './alea';
import { categories, type Cas } from './categories';
import { bases } from './documents';

/** Longest message a refusal may carry: one line a terminal or a quarantine list shows whole. */
export const MESSAGE_MAX = 400;
const ECHAPPEMENTS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export type Issue = 'refus' | 'accepte' | 'crash' | 'refus_sale' | 'accepte_a_tort' | 'refuse_a_tort';

export interface Resultat {
  cas: Cas;
  issue: Issue;
  ms: number;
  detail: string;
}

/** Every string of a parsed object, with its path. */
function chaines(v: unknown, chemin = ''): [string, string][] {
  if (typeof v === 'string') return [[chemin, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => chaines(x, `${chemin}.${i}`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => chaines(x, `${chemin}.${k}`));
  return [];
}

/**
 * Why an accepted document is not harmless, or null: every value is one the reader's own rule
 * allows, and the object read back from its rewritten document is the same (nothing that only
 * a lenient reading produced).
 */
function nocivite(cas: Cas, objet: unknown): string | null {
  for (const [chemin, valeur] of chaines(objet)) {
    const raison = raisonValeurRefusee(valeur, false);
    if (raison) return `${chemin} : ${raison}`;
  }
  const relu = cas.base.lire(cas.base.construire(objet as never));
  return JSON.stringify(relu) === JSON.stringify(objet) ? null : 'relu différemment une fois réécrit';
}

/** Reads one case in process and classifies what happened. */
export function essayer(cas: Cas): Resultat {
  const debut = performance.now();
  let objet: unknown;
  try {
    objet = cas.base.lire(cas.entree);
  } catch (e) {
    const ms = performance.now() - debut;
    if (!(e instanceof RegistreError)) return { cas, issue: 'crash', ms, detail: String(e).slice(0, 200) };
    const motifConnu =
      e.code === 'format_inconnu' ||
      (e.code === 'saisie_invalide' && (MotifsDocumentInvalide as readonly unknown[]).includes(e.details?.motif));
    if (!motifConnu) return { cas, issue: 'crash', ms, detail: `${e.code} : ${e.message.slice(0, 200)}` };
    if (e.message.length > MESSAGE_MAX || ECHAPPEMENTS.test(e.message))
      return { cas, issue: 'refus_sale', ms, detail: JSON.stringify(e.message.slice(0, 200)) };
    return { cas, issue: cas.attendu === 'accepte' ? 'refuse_a_tort' : 'refus', ms, detail: e.message };
  }
  const ms = performance.now() - debut;
  if (cas.attendu === 'refus') return { cas, issue: 'accepte_a_tort', ms, detail: 'accepté' };
  let raison: string | null;
  try {
    raison = nocivite(cas, objet);
  } catch (e) {
    raison = `relecture impossible : ${String(e).slice(0, 200)}`;
  }
  return { cas, issue: raison ? 'accepte_a_tort' : 'accepte', ms, detail: raison ?? difference(cas, objet) };
}

/** What an accepted document changed in the object read, against its valid base (for the list). */
function difference(cas: Cas, objet: unknown): string {
  const avant = new Map(chaines(cas.base.lire(cas.base.texte)));
  const apres = chaines(objet);
  const changes = apres
    .filter(([chemin, v]) => avant.get(chemin) !== v)
    .map(([chemin, v]) => `${chemin} = ${JSON.stringify(v)}`);
  if (apres.length !== avant.size) changes.push(`${Math.abs(apres.length - avant.size)} valeur(s) en plus ou en moins`);
  return changes.length ? changes.slice(0, 2).join(', ').slice(0, 160) : 'même objet';
}

/** The seeded campaign: `parCategorie` cases of each category, on bases drawn in turn. */
export function* campagne(graine: number, parCategorie: number): Generator<Cas> {
  const alea = new Alea(graine);
  const documents = bases();
  for (const b of documents) yield { categorie: 'valides', nom: b.nom, base: b, entree: b.texte, attendu: 'accepte' };
  for (const [categorie, generer] of Object.entries(categories)) {
    for (let i = 0; i < parCategorie; i++) {
      const base = documents[i % documents.length];
      yield { categorie, base, ...generer(alea, base) };
    }
  }
}
