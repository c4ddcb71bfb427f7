import fs from 'node:fs';
import path from 'node:path';
import { CommuneSchema, type Commune } from '../../shared/contract/parametres';
import { erreurs } from '../../shared/errors';
import type { Gestionnaires } from '../contrat';
import type { ContexteApp } from '../contexte';
import { sauvegarder, versionSchema } from '../db';
import { communeParCode } from '../registre';

type GestionnairesParametres = Pick<
  Gestionnaires,
  | 'parametres.lireCommune'
  | 'parametres.enregistrerCommune'
  | 'base.sauvegarder'
  | 'base.listerSauvegardes'
  | 'base.restaurer'
  | 'app.informations'
>;

export function gestionnairesParametres(ctx: ContexteApp): GestionnairesParametres {
  // Each world keeps its own backups: a training backup can never be restored over the real register.
  const dossierSauvegarde = () => ctx.dossierSauvegardes;
  return {
    'parametres.lireCommune': () => ctx.parametres.lire<Commune>('commune'),
    'parametres.enregistrerCommune': (commune) => {
      const c = CommuneSchema.parse(commune);
      const reference = communeParCode(c.codeInsee);
      if (!reference)
        throw erreurs.saisieInvalide('codeInsee', 'ce code INSEE ne correspond à aucune commune française');
      if (reference.departement !== c.departement)
        throw erreurs.saisieInvalide(
          'departement',
          `la commune ${reference.nom} est dans le département ${reference.departement}`,
        );
      ctx.parametres.ecrire('commune', c);
      return c;
    },
    'base.sauvegarder': async () => {
      const nom = `registre-${ctx.horloge.maintenant().toISOString().replace(/[:.]/g, '-')}.db`;
      const { chemin, octets } = await sauvegarder(ctx.db(), path.join(dossierSauvegarde(), nom));
      return { nom: path.basename(chemin), octets, creeeLe: ctx.horloge.maintenant().toISOString() };
    },
    'base.listerSauvegardes': () => {
      const dossierSauvegardes = dossierSauvegarde();
      if (!fs.existsSync(dossierSauvegardes)) return [];
      return fs
        .readdirSync(dossierSauvegardes)
        .filter((f) => f.endsWith('.db'))
        .map((f) => {
          const st = fs.statSync(path.join(dossierSauvegardes, f));
          return { nom: f, octets: st.size, creeeLe: st.mtime.toISOString() };
        })
        .sort((a, b) => b.creeeLe.localeCompare(a.creeeLe));
    },
    'base.restaurer': ({ nom }) => {
      const source = path.join(dossierSauvegarde(), path.basename(nom));
      const { sauvegardePrecedente } = ctx.restaurerBase(source);
      return { ok: true as const, sauvegardePrecedente: path.basename(sauvegardePrecedente) };
    },
    'app.informations': () => ({
      version: ctx.version,
      schemaBase: versionSchema(ctx.db()),
      transport: ctx.transport,
      formation: ctx.monde === 'formation',
    }),
  };
}
