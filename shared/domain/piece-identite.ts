/**
 * The identity document shown at a card's handover. The directory keeps its kind and only the
 * last 4 characters of its number: enough to recognise it on the record, too little to misuse it.
 */
export const NaturesPieceIdentite = [
  'carte_nationale_identite',
  'passeport',
  'titre_de_sejour',
  'permis_de_conduire',
] as const;
export type NaturePieceIdentite = (typeof NaturesPieceIdentite)[number];

export const LIBELLES_PIECE_IDENTITE: Record<NaturePieceIdentite, string> = {
  carte_nationale_identite: 'carte nationale d’identité',
  passeport: 'passeport',
  titre_de_sejour: 'titre de séjour',
  permis_de_conduire: 'permis de conduire',
};

/** The number's last 4 characters, spaces and dashes left out (as printed on the document, they vary). */
export function finNumeroPiece(numero: string): string {
  return numero
    .replace(/[\s-]+/g, '')
    .toUpperCase()
    .slice(-4);
}
