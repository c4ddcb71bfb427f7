import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import iconv from 'iconv-lite';
import { dateIsoDuJour } from '../../../shared/domain/dates';
import { erreurs } from '../../../shared/errors';
import type { Gestionnaires } from '../../contrat';
import type { ContexteApp } from '../../contexte';
import { importerCsvEnTravailleur } from './lanceur';

/**
 * `registre.importer` and `registre.rejetsImport`. The renderer sends the file's bytes
 * (base64); they are written to `<données>/imports/<importId>.csv`, imported by the worker
 * thread (its own connection: the window keeps searching meanwhile), then removed. The rejects
 * file stays as `<données>/imports/<importId>-rejets.csv` for the user to download and fix.
 * One import at a time: a second one would only wait for the first's write lock.
 */
type GestionnairesImport = Pick<Gestionnaires, 'registre.importer' | 'registre.rejetsImport'>;

export function gestionnairesImport(ctx: ContexteApp): GestionnairesImport {
  const dossier = path.join(ctx.dossierDonnees, 'imports');
  const fichierRejets = (importId: string) => path.join(dossier, `${importId}-rejets.csv`);
  let enCours = false;

  return {
    'registre.importer': async ({ nomFichier, contenuBase64 }) => {
      if (enCours) throw erreurs.conflit('Un import est déjà en cours : attendez qu’il se termine.');
      const octets = Buffer.from(contenuBase64, 'base64');
      if (octets.length === 0) throw erreurs.importInvalide(`Le fichier « ${nomFichier} » est vide.`);
      enCours = true;
      const maintenant = ctx.horloge.maintenant();
      // Sortable and unguessable; matches the contract's /^[a-z0-9-]{1,64}$/.
      const importId = `${maintenant.toISOString().slice(0, 19).replace(/[-:T]/g, '').toLowerCase()}-${randomBytes(4).toString('hex')}`;
      const fichierCsv = path.join(dossier, `${importId}.csv`);
      try {
        fs.mkdirSync(dossier, { recursive: true });
        fs.writeFileSync(fichierCsv, octets);
        const rapport = await importerCsvEnTravailleur(ctx.fichierBase, fichierCsv, {
          importId,
          fichierRejets: fichierRejets(importId),
          horodatage: maintenant.toISOString(),
          aujourdhui: dateIsoDuJour(maintenant),
          onProgression: (p) => ctx.bus.emettre('registre.importProgression', { importId, nomFichier, ...p }),
        });
        if (rapport.actesAjoutes + rapport.actesModifies > 0) ctx.registreModifie({ raison: 'import' });
        return rapport;
      } finally {
        enCours = false;
        fs.rmSync(fichierCsv, { force: true });
      }
    },

    'registre.rejetsImport': ({ importId }) => {
      const fichier = fichierRejets(importId);
      if (!fs.existsSync(fichier)) throw erreurs.introuvable('Fichier des rejets de l’import', importId);
      return { nomFichier: `rejets-${importId}.csv`, contenu: decoder(fs.readFileSync(fichier)) };
    },
  };
}

/** The rejects file is in the input's encoding: UTF-8 (BOM dropped) or Windows-1252. */
function decoder(octets: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(octets);
  } catch {
    return iconv.decode(octets, 'win1252');
  }
}
