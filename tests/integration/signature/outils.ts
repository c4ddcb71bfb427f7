import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChargeEvenement, NomEvenement } from '../../../shared/contract';
import type { App } from '../../../electron/app';
import { appelantType, appTemporaire } from '../../support/app-temporaire';
import { provisionnerCartes, type CartesTest } from '../../fixtures/cartes/provisionner';

/** A real app on a temporary folder, with the SoftHSM2 test cards set as its card. */
export async function appAvecCartes(
  options: {
    horloge?: import('../../../electron/horloge').Horloge;
    /** The test cards to provision (the default set when omitted). */
    seulement?: NonNullable<Parameters<typeof provisionnerCartes>[1]>['seulement'];
  } = {},
) {
  const dossierCartes = fs.mkdtempSync(path.join(os.tmpdir(), 'cartes-'));
  const cartes = await provisionnerCartes(dossierCartes, { seulement: options.seulement });
  const app = appTemporaire(options);
  const appeler = appelantType(app);
  const evenements: { nom: NomEvenement; charge: unknown }[] = [];
  app.bus.abonner((nom, charge) => evenements.push({ nom, charge }));
  await appeler('carte.enregistrerParametres', { bibliotheque: cartes.bibliotheque, confiancePem: cartes.caPem });
  return {
    app,
    cartes,
    appeler,
    evenements,
    de<E extends NomEvenement>(nom: E): ChargeEvenement<E>[] {
      return evenements.filter((e) => e.nom === nom).map((e) => e.charge as ChargeEvenement<E>);
    },
    jetonId(label: string): Promise<string> {
      return appeler('carte.etat', {}).then((e) => {
        const l = e.lecteurs.find((x) => x.carte?.label === label);
        if (!l?.carte) throw new Error(`carte ${label} absente`);
        return l.carte.id;
      });
    },
    detruire(this: void) {
      app.detruire();
      fs.rmSync(dossierCartes, { recursive: true, force: true });
    },
  };
}

export type AppCartes = Awaited<ReturnType<typeof appAvecCartes>>;
export type { App, CartesTest };

export function reponseXml(n: number, nom = 'DUPONT'): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<rep:Reponse xmlns:rep="urn:registre:comedec:reponse:1" Id="reponse-${n}">` +
    `<rep:Demande>D-2026-${String(n).padStart(6, '0')}</rep:Demande><rep:Acte type="naissance"><rep:Nom>${nom}</rep:Nom>` +
    `<rep:Prenoms>Marie Élise</rep:Prenoms><rep:Date>1990-05-12</rep:Date></rep:Acte></rep:Reponse>`
  );
}

export const RACINE_REPONSE = { nomLocal: 'Reponse', espaceNoms: 'urn:registre:comedec:reponse:1' };
