import fs from 'node:fs';
import iconv from 'iconv-lite';
import { erreurs } from '../../../shared/errors';

/**
 * How a CSV file is written: other civil-status software exports UTF-8 (with or without a
 * BOM, Excel adds one) or Windows-1252 (older Windows exports), with `;` (French Excel) or `,`.
 */
export type Encodage = 'utf-8' | 'windows-1252';
export type Separateur = ';' | ',';

export interface FormatCsv {
  encodage: Encodage;
  /** The file starts with a UTF-8 byte order mark (kept in the rejects file so Excel reads it). */
  bom: boolean;
  separateur: Separateur;
}

const BOM_UTF8 = Buffer.from([0xef, 0xbb, 0xbf]);
const TAILLE_LECTURE = 1 << 20;

/**
 * Valid UTF-8 from end to end, or else Windows-1252. The whole file is checked, not only its
 * beginning: an export whose first accented name sits at line 50,000 must not be read as
 * UTF-8 and turn "Hélène" into "H�l�ne" in the register. A strict (fatal) decoder stops at the
 * first invalid byte, so a Windows-1252 file is usually recognised within its first lines.
 */
export async function detecterEncodage(fichier: string): Promise<{ encodage: Encodage; debut: Buffer }> {
  const fd = await fs.promises.open(fichier, 'r');
  try {
    const tampon = Buffer.allocUnsafe(TAILLE_LECTURE);
    const decodeur = new TextDecoder('utf-8', { fatal: true });
    let debut: Buffer | null = null;
    for (;;) {
      const { bytesRead } = await fd.read(tampon, 0, TAILLE_LECTURE, null);
      if (bytesRead === 0) break;
      const morceau = tampon.subarray(0, bytesRead);
      debut ??= Buffer.from(morceau.subarray(0, 64 * 1024));
      try {
        decodeur.decode(morceau, { stream: true });
      } catch {
        return { encodage: 'windows-1252', debut };
      }
    }
    if (!debut) throw erreurs.importInvalide('Le fichier est vide.');
    try {
      decodeur.decode(); // an incomplete sequence at the very end is invalid too
    } catch {
      return { encodage: 'windows-1252', debut };
    }
    return { encodage: 'utf-8', debut };
  } finally {
    await fd.close();
  }
}

/** The separator is the one the header row uses (counted outside quotes). */
export function detecterSeparateur(ligneEntete: string): Separateur {
  let pointsVirgules = 0;
  let virgules = 0;
  let entreGuillemets = false;
  for (const c of ligneEntete) {
    if (c === '"') entreGuillemets = !entreGuillemets;
    else if (!entreGuillemets && c === ';') pointsVirgules++;
    else if (!entreGuillemets && c === ',') virgules++;
  }
  if (pointsVirgules === 0 && virgules === 0)
    throw erreurs.importInvalide(
      'Séparateur introuvable dans la ligne d’en-tête : les colonnes doivent être séparées par « ; » ou « , ».',
    );
  return pointsVirgules >= virgules ? ';' : ',';
}

/** First line of a text (the header row), without a BOM. */
export function premiereLigne(texte: string): string {
  const sansBom = texte.charCodeAt(0) === 0xfeff ? texte.slice(1) : texte;
  const fin = sansBom.search(/\r|\n/);
  return fin === -1 ? sansBom : sansBom.slice(0, fin);
}

export async function detecterFormat(fichier: string): Promise<FormatCsv> {
  const { encodage, debut } = await detecterEncodage(fichier);
  const bom = debut.subarray(0, 3).equals(BOM_UTF8);
  const texte = encodage === 'utf-8' ? debut.toString('utf8') : iconv.decode(debut, 'win1252');
  const entete = premiereLigne(texte);
  if (!entete.trim()) throw erreurs.importInvalide('La première ligne du fichier (en-tête) est vide.');
  return { encodage, bom, separateur: detecterSeparateur(entete) };
}
