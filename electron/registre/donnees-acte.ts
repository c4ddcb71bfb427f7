import type { Acte, Lieu, Mention, Personne, Role, Sexe, TypeMention } from '../../shared/domain/acte';

/**
 * The `donnees` column of `actes`: the act's place, persons and mentions as one compact JSON
 * text, positional rather than keyed:
 *
 *   { "l": lieu, "p": [personne, ...], "m": [mention, ...] }     ("l" and "m" left out when empty)
 *   personne = [role, nom, [prénoms], sexe, dateNaissance, lieuNaissance, profession]
 *   lieu     = [commune, codeInsee, departement, pays]
 *   mention  = [type, date, texte]
 *
 * Trailing nulls are cut ("pere" is usually ["pere","DUPONT",["Jean"]]). Why: the import
 * writes a million of these, and SQLite's cost per row grows with its size; measured on the
 * synthetic register, this text averages 288 bytes, against 540 for the same data as keyed
 * objects without nulls and 711 with them.
 *
 * The encoding is deterministic, so two equal acts give the same text: the depot compares
 * texts to know that an imported act is unchanged.
 */
export type DonneesActe = Pick<Acte, 'lieuEvenement' | 'personnes' | 'mentions'>;

type LieuCompact = (string | null)[];
type PersonneCompacte = (string | string[] | LieuCompact | null)[];
type MentionCompacte = (string | null)[];

export function encoderDonnees(acte: DonneesActe): string {
  const sortie: { l?: LieuCompact; p: PersonneCompacte[]; m?: MentionCompacte[] } = {
    p: acte.personnes.map(personneCompacte),
  };
  if (acte.lieuEvenement) sortie.l = lieuCompact(acte.lieuEvenement);
  if (acte.mentions.length) sortie.m = acte.mentions.map((m) => [m.type, m.date, m.texte]);
  return JSON.stringify(sortie);
}

export function decoderDonnees(texte: string): DonneesActe {
  const brut = JSON.parse(texte) as { l?: LieuCompact; p: PersonneCompacte[]; m?: MentionCompacte[] };
  return {
    lieuEvenement: brut.l ? lieuComplet(brut.l) : null,
    personnes: brut.p.map((p) => ({
      role: p[0] as Role,
      nom: p[1] as string,
      prenoms: p[2] as string[],
      sexe: (p[3] ?? null) as Sexe | null,
      dateNaissance: (p[4] ?? null) as string | null,
      lieuNaissance: p[5] ? lieuComplet(p[5] as LieuCompact) : null,
      profession: (p[6] ?? null) as string | null,
    })),
    mentions: (brut.m ?? []).map((m): Mention => ({
      type: m[0] as TypeMention,
      date: m[1] ?? null,
      texte: m[2] as string,
    })),
  };
}

function personneCompacte(p: Personne): PersonneCompacte {
  return sansNullsFinaux([
    p.role,
    p.nom,
    p.prenoms,
    p.sexe,
    p.dateNaissance,
    p.lieuNaissance && lieuCompact(p.lieuNaissance),
    p.profession,
  ]);
}

function lieuCompact(l: Lieu): LieuCompact {
  return sansNullsFinaux([l.commune, l.codeInsee, l.departement, l.pays]);
}

function lieuComplet(l: LieuCompact): Lieu {
  return { commune: l[0] as string, codeInsee: l[1] ?? null, departement: l[2] ?? null, pays: l[3] ?? null };
}

function sansNullsFinaux<T>(valeurs: (T | null)[]): (T | null)[] {
  let n = valeurs.length;
  while (n > 0 && valeurs[n - 1] === null) n--;
  return n === valeurs.length ? valeurs : valeurs.slice(0, n);
}

/** Only the persons' role, name and given names: what search results show (no object for places). */
export function decoderNoms(texte: string): { role: Role; nom: string; prenoms: string[] }[] {
  const brut = JSON.parse(texte) as { p: PersonneCompacte[] };
  return brut.p.map((p) => ({ role: p[0] as Role, nom: p[1] as string, prenoms: p[2] as string[] }));
}
