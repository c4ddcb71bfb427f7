import type { DocumentExtrait } from '../../../shared/domain/extraits';
import { nouveauPdf, type PdfProduit } from '../../pdf';

/** The extract as a PDF, laid out by electron/pdf.ts (the records of the directory use it too). */
export type PdfExtrait = PdfProduit;

export async function extraitEnPdf(doc: DocumentExtrait, creeLe: Date): Promise<PdfExtrait> {
  const { mise, polices, terminer } = await nouveauPdf(doc.titre, creeLe);
  const { normale, grasse, italique } = polices;
  for (const ligne of doc.entete) mise.ligne(ligne, { police: grasse, taille: 10, centre: true });
  mise.espace(28);
  mise.ligne(doc.titre, { police: grasse, taille: 14, centre: true });
  mise.espace(6);
  mise.ligne(doc.reference, { police: italique, taille: 11, centre: true });
  mise.espace(24);
  for (const paragraphe of doc.corps) mise.paragraphe(paragraphe, { police: normale, taille: 12 });
  mise.espace(18);
  doc.mentions.forEach((m, i) => mise.paragraphe(m, { police: i === 0 ? grasse : normale, taille: 11 }));
  mise.espace(36);
  for (const ligne of doc.pied) mise.paragraphe(ligne, { police: normale, taille: 11 });
  return terminer();
}
