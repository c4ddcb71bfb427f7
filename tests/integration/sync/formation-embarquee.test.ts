import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NomAppel } from '../../../shared/contract';
import { demarrerPlateforme, type PlateformeDemarree } from '../../../sandbox';
import { appTemporaire, appelant } from '../../support/app-temporaire';

/**
 * Training mode through the contract, with NO training platform started by the test: the app
 * starts its own (embedded) one at the first diagnostic, ignores the configured real address,
 * syncs the training requests, and stops the platform when it closes.
 */
const app = appTemporaire();
let reelle: PlateformeDemarree;
let ferme = false;

const appeler = appelant(app);

async function repond(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/v1/etat`, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  // A configured real platform: in training mode it must never be contacted.
  reelle = await demarrerPlateforme({});
  await appeler('parametres.enregistrerCommune', {
    nom: 'Aussillon',
    codeInsee: '81021',
    departement: '81',
    emailFonctionnel: 'etat-civil@aussillon.fr',
  });
  await appeler('sync.enregistrerParametres', { plateforme: { url: reelle.url } });
  await appeler('carte.enregistrerParametres', { mode: 'formation' });
  await appeler('carte.creerFormation', { pin: '4321', codeDeblocage: '87654321', prenom: 'Alice', nom: 'ESSAI' });
  await appeler('carte.connecter', { jetonId: 'formation', pin: '4321' });
});
afterAll(async () => {
  if (!ferme) app.fermer();
  app.detruire();
  await reelle?.arreter();
});

describe('plateforme de formation intégrée', () => {
  it('démarre à la demande, reçoit les demandes de formation, et s’arrête à la fermeture', async () => {
    const t = await appeler('sync.testerConnexion');
    expect(t.etapes.map((e: { etape: string; statut: string }) => [e.etape, e.statut])).toEqual([
      ['carte', 'ok'],
      ['joignabilite', 'ok'],
      ['version', 'ok'],
      ['authentification', 'ok'],
    ]);
    expect(t.etapes[2].message).toMatch(/^Plateforme de formation/);
    const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(t.etapes[1].message)?.[1];
    expect(url).toBeDefined();
    expect(url).not.toBe(reelle.url);
    expect(await (await fetch(`${url}/v1/etat`)).json()).toMatchObject({ formation: true });

    // 12 requests + 2 specimens put in the commune's mailbox by the training platform.
    expect(await appeler('sync.maintenant')).toMatchObject({ statut: 'reussie', recues: 14 });
    const { demandes } = await appeler('demandes.lister', {});
    expect(demandes.length).toBe(14);
    // The configured real platform was never asked for anything.
    expect(reelle.plateforme.db.prepare('SELECT count(*) FROM defis').pluck().get()).toBe(0);

    app.fermer();
    ferme = true;
    await expect.poll(() => repond(url!), { timeout: 5000 }).toBe(false);
  });
});

describe('sortie du mode formation', () => {
  it('arrête la plateforme intégrée dès que l’on repasse en mode réel', async () => {
    const autre = appTemporaire();
    try {
      const r = async (nom: NomAppel, entree: unknown = {}) => {
        const x = await autre.repartir(nom, entree);
        if (!x.ok) throw new Error(`${nom} : ${x.erreur.message}`);
        return x.valeur as any;
      };
      await r('parametres.enregistrerCommune', {
        nom: 'Aussillon',
        codeInsee: '81021',
        departement: '81',
        emailFonctionnel: 'etat-civil@aussillon.fr',
      });
      await r('carte.enregistrerParametres', { mode: 'formation' });
      await r('carte.creerFormation', { pin: '4321', codeDeblocage: '87654321', prenom: 'Alice', nom: 'ESSAI' });
      await r('carte.connecter', { jetonId: 'formation', pin: '4321' });
      const t = await r('sync.testerConnexion');
      const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(t.etapes[1].message)![1];
      expect(await repond(url)).toBe(true);
      await r('carte.enregistrerParametres', { mode: 'reelle' });
      await expect.poll(() => repond(url), { timeout: 5000 }).toBe(false);
    } finally {
      autre.detruire();
    }
  });
});
