import { TypesMention, type Mention, type Sexe, type TypeActe, type TypeMention } from '../../../shared/domain/acte';
import { analyserDate } from '../../../shared/domain/dates';
import { normaliser } from '../../../shared/domain/normalisation';
import { libelleMention } from '../../../shared/labels.fr';

/**
 * Reading one CSV cell into the model's value. Each reader reports a problem through
 * `signaler(colonne, raison)` and returns null, so that a row collects all its errors at once
 * (the user fixes a row in one go) without allocating a result object per cell.
 */
export type Signaler = (colonne: string, raison: string) => void;

const TYPES: Record<string, TypeActe> = {
  naissance: 'naissance',
  n: 'naissance',
  mariage: 'mariage',
  m: 'mariage',
  deces: 'deces',
  d: 'deces',
};

/** Values as written first (the common case, no allocation), then normalised. */
function chercher<T>(table: Record<string, T>, texte: string): T | undefined {
  return Object.hasOwn(table, texte) ? table[texte] : table[normaliser(texte)];
}

export function lireType(texte: string, colonne: string, signaler: Signaler): TypeActe | null {
  const t = chercher(TYPES, texte);
  if (!t)
    signaler(
      colonne,
      texte.trim()
        ? `type d’acte « ${texte.trim().slice(0, 30)} » inconnu (naissance, mariage ou deces)`
        : 'le type d’acte est obligatoire',
    );
  return t ?? null;
}

export function lireEntier(texte: string, colonne: string, libelle: string, signaler: Signaler): number | null {
  const t = texte.trim();
  if (!/^\d{1,9}$/.test(t)) {
    signaler(colonne, t ? `${libelle} « ${t.slice(0, 20)} » n’est pas un nombre entier` : `${libelle} est obligatoire`);
    return null;
  }
  return Number(t);
}

export function lireDate(texte: string, colonne: string, signaler: Signaler): string | null {
  if (!texte.trim()) return null;
  const r = analyserDate(texte);
  if (r.ok) return r.iso;
  signaler(colonne, r.raison);
  return null;
}

const SEXES: Record<string, Sexe> = {
  M: 'M',
  F: 'F',
  m: 'M',
  masculin: 'M',
  h: 'M',
  homme: 'M',
  f: 'F',
  feminin: 'F',
  femme: 'F',
};

export function lireSexe(texte: string, colonne: string, signaler: Signaler): Sexe | null {
  if (!texte.trim()) return null;
  const s = chercher(SEXES, texte);
  if (!s) signaler(colonne, `sexe « ${texte.trim().slice(0, 20)} » inconnu (M ou F)`);
  return s ?? null;
}

const OUI = new Set(['oui', 'o', 'vrai', 'true', '1', 'x']);
const NON = new Set(['non', 'n', 'faux', 'false', '0']);

export function lireBooleen(texte: string, colonne: string, signaler: Signaler): boolean | null {
  if (texte === '') return null;
  const n = normaliser(texte);
  if (!n) return null;
  if (OUI.has(n)) return true;
  if (NON.has(n)) return false;
  signaler(colonne, `« ${texte.trim().slice(0, 20)} » : oui ou non attendu`);
  return null;
}

/**
 * Given names: "Jean-Pierre, Marie, Louise" (registers separate them with commas) or, when
 * no comma is used, "Jean-Pierre Marie Louise". Hyphenated given names stay whole.
 */
export function lirePrenoms(texte: string): string[] {
  const t = texte.trim();
  if (!t) return [];
  const morceaux = t.includes(',') ? t.split(',') : t.split(/\s+/);
  const prenoms: string[] = [];
  for (const m of morceaux) {
    const p = m.trim().replace(/\s+/g, ' ');
    if (p) prenoms.push(p);
  }
  return prenoms;
}

/** A name as written, spaces tidied ("de  La Fontaine " -> "de La Fontaine"). Case is kept. */
export function lireNom(texte: string): string {
  return texte.trim().replace(/\s+/g, ' ');
}

export function lireTexte(texte: string): string | null {
  const t = texte.trim();
  return t ? t : null;
}

// --- Mentions marginales: "type|jj/mm/aaaa|texte ## type||texte" --------------------------

const SEPARATEUR_MENTIONS = /\s*##\s*/;
const typesMention = new Map<string, TypeMention>();
for (const t of TypesMention) {
  typesMention.set(normaliser(t), t);
  typesMention.set(normaliser(libelleMention[t]), t);
}

export function lireMentions(texte: string, colonne: string, signaler: Signaler): Mention[] {
  const t = texte.trim();
  if (!t) return [];
  const mentions: Mention[] = [];
  t.split(SEPARATEUR_MENTIONS).forEach((brute, i) => {
    if (!brute.trim()) return;
    const premier = brute.indexOf('|');
    const second = premier === -1 ? -1 : brute.indexOf('|', premier + 1);
    if (second === -1) {
      signaler(colonne, `mention ${i + 1} : format attendu type|jj/mm/aaaa|texte`);
      return;
    }
    const libelle = brute.slice(0, premier).trim();
    const type = typesMention.get(libelle) ?? typesMention.get(normaliser(libelle));
    if (!type) signaler(colonne, `mention ${i + 1} : type « ${libelle.slice(0, 30)} » inconnu`);
    const dateBrute = brute.slice(premier + 1, second);
    let date: string | null = null;
    if (dateBrute.trim()) {
      const r = analyserDate(dateBrute);
      if (r.ok) date = r.iso;
      else signaler(colonne, `mention ${i + 1} : ${r.raison}`);
    }
    const contenu = brute.slice(second + 1).trim();
    if (!contenu) signaler(colonne, `mention ${i + 1} : le texte est vide`);
    if (type && contenu) mentions.push({ type, date, texte: contenu });
  });
  return mentions;
}
