import { journal } from '../../journal';
import { nouveauPdf } from '../../pdf';

/**
 * The directory's records (handover, destruction, card-fault sheet) share one shape: a heading
 * naming the commune, a title, sections of text and "label: value" fields, signature boxes,
 * and a footer saying when Registre made it. Laid out by electron/pdf.ts, like the extracts.
 */
export type Bloc = { intertitre: string } | { texte: string } | { champs: readonly (readonly [string, string])[] };

export interface Fiche {
  titre: string;
  entete: readonly string[];
  blocs: readonly Bloc[];
  /** One column per signer: who signs (their quality, then their name). */
  signatures: readonly (readonly string[])[];
  pied: readonly string[];
}

export interface FichePdf {
  nomFichier: string;
  octets: Uint8Array;
}

/** Left blank on paper, filled in by hand. */
export const A_REMPLIR = '……………………………………';

export async function ficheEnPdf(fiche: Fiche, creeLe: Date): Promise<Uint8Array> {
  const { mise, polices, terminer } = await nouveauPdf(fiche.titre, creeLe);
  const { normale, grasse, italique } = polices;
  for (const l of fiche.entete) mise.ligne(l, { police: grasse, taille: 10, centre: true });
  mise.espace(24);
  mise.ligne(fiche.titre, { police: grasse, taille: 14, centre: true });
  mise.espace(18);
  for (const b of fiche.blocs) {
    if ('intertitre' in b) {
      mise.espace(8);
      mise.ligne(b.intertitre, { police: grasse, taille: 12 });
      mise.espace(2);
    } else if ('texte' in b) mise.paragraphe(b.texte, { police: normale, taille: 11 });
    else
      for (const [libelle, valeur] of b.champs)
        mise.paragraphe(`${libelle} : ${valeur}`, { police: normale, taille: 11 });
  }
  if (fiche.signatures.length) {
    mise.espace(24);
    mise.signatures(fiche.signatures, { police: normale, taille: 11 });
  }
  mise.espace(12);
  for (const l of fiche.pied) mise.paragraphe(l, { police: italique, taille: 9 });
  const { octets, caracteresRemplaces } = await terminer();
  if (caracteresRemplaces)
    journal.avertir('document de l’annuaire : caractères hors WinAnsi remplacés', { nombre: caracteresRemplaces });
  return octets;
}
