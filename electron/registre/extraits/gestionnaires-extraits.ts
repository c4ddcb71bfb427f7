import type { Gestionnaires } from '../../contrat';
import type { ContexteApp } from '../../contexte';
import { delivrerExtrait, delivrerExtraitPdf, type SourcesExtrait } from './service';

/** `registre.extrait` (text) and `registre.extraitPdf` (PDF, base64). */
type GestionnairesExtraits = Pick<Gestionnaires, 'registre.extrait' | 'registre.extraitPdf'>;

export function gestionnairesExtraits(ctx: ContexteApp): GestionnairesExtraits {
  // ctx.db() at each call: a restore swaps the connection.
  const sources = (): SourcesExtrait => ({ db: ctx.db(), parametres: ctx.parametres, horloge: ctx.horloge });
  return {
    'registre.extrait': ({ id, sorte }) => delivrerExtrait(sources(), id, sorte),
    'registre.extraitPdf': async ({ id, sorte }) => {
      const { nomFichier, octets } = await delivrerExtraitPdf(sources(), id, sorte);
      return { nomFichier, pdfBase64: Buffer.from(octets).toString('base64') };
    },
  };
}
