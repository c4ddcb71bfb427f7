import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NomAppel } from '../../../shared/contract';
import { versPem } from '../../../electron/signature/certificats';
import { CarteFormation } from '../../../electron/signature/formation';
import { demarrerPlateforme, demarrerPlateformeFormation, type PlateformeDemarree } from '../../../sandbox';
import { appTemporaire } from '../../support/app-temporaire';

/**
 * Training mode end to end, through the contract: the software training card connects to the
 * training platform (formation: true) and syncs; the same card against a real (non-training)
 * platform is refused by the adapter before the card signs anything, and the connection test
 * says why.
 */
const app = appTemporaire();
let formation: PlateformeDemarree;
let reelle: PlateformeDemarree;

async function appeler<T = any>(nom: NomAppel, entree: unknown = {}): Promise<T> {
  const r = await app.repartir(nom, entree);
  if (!r.ok) throw Object.assign(new Error(`${nom} : ${r.erreur.message}`), { erreur: r.erreur });
  return r.valeur as T;
}

beforeAll(async () => {
  await appeler('parametres.enregistrerCommune', { nom: 'Aussillon', codeInsee: '81021', departement: '81', emailFonctionnel: 'etat-civil@aussillon.fr' });
  await appeler('carte.enregistrerParametres', { mode: 'formation' });
  const etat = await appeler('carte.creerFormation', { pin: '4321', codeDeblocage: '87654321', prenom: 'Alice', nom: 'ESSAI' });
  const jeton = etat.lecteurs.find((l: { carte: { nature: string } | null }) => l.carte?.nature === 'formation').carte;
  await appeler('carte.connecter', { jetonId: jeton.id, pin: '4321' });
  const carte = new CarteFormation(path.join(app.dossier, 'formation'));
  formation = await demarrerPlateformeFormation({
    commune: { codeInsee: '81021' },
    carte: { titulaire: 'Alice ESSAI', certificatsPem: carte.certificats().filter((c) => !c.autorite).map(versPem), caPem: carte.caPem() },
    demandes: 6,
    specimens: 2,
    graine: 5,
  });
  reelle = await demarrerPlateforme({ ancres: [carte.caPem()] });
});
afterAll(async () => {
  app.detruire();
  await formation?.arreter();
  await reelle?.arreter();
});

describe('mode formation', () => {
  it('la carte de formation se synchronise avec la plateforme de formation', async () => {
    await appeler('sync.enregistrerParametres', { plateforme: { url: formation.url } });
    const t = await appeler('sync.testerConnexion');
    expect(t.ok).toBe(true);
    expect(t.etapes[0].message).toMatch(/de formation/);
    expect(t.etapes[2].message).toMatch(/^Plateforme de formation/);
    expect(await appeler('sync.maintenant')).toMatchObject({ statut: 'reussie', recues: 8 });
  });

  it('la carte de formation est refusée par l’adaptateur face à une vraie plateforme, avant toute signature', async () => {
    await appeler('sync.enregistrerParametres', { plateforme: { url: reelle.url } });
    const sessionsAvant = reelle.plateforme.db.prepare('SELECT count(*) FROM defis').pluck().get();
    const r = await appeler('sync.maintenant');
    expect(r.statut).toBe('echouee');
    expect(r.erreur).toMatch(/carte de formation ne peut pas se connecter à une plateforme réelle/);
    // not even a challenge was asked for
    expect(reelle.plateforme.db.prepare('SELECT count(*) FROM defis').pluck().get()).toBe(sessionsAvant);
    const t = await appeler('sync.testerConnexion');
    expect(t.etapes.map((e: { etape: string; statut: string }) => [e.etape, e.statut])).toEqual([
      ['carte', 'ok'],
      ['joignabilite', 'ok'],
      ['version', 'echec'],
      ['authentification', 'non_verifiee'],
    ]);
    expect(t.etapes[2].message).toMatch(/carte de formation/);
  });
});
