import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versPem } from '../../../electron/signature/certificats';
import { CarteFormation } from '../../../electron/signature/formation';
import { demarrerPlateforme, demarrerPlateformeFormation, type PlateformeDemarree } from '../../../sandbox';
import { appTemporaire, appelant } from '../../support/app-temporaire';

/**
 * Training mode end to end, through the contract: with the training card, the app syncs with
 * its OWN embedded training platform (formation: true), whatever address is configured: neither
 * another training platform nor a real one is ever contacted. (The adapter's refusal of a
 * training card facing a real platform, before signing, is tested in plateforme.test.ts; the
 * embedded platform's life cycle in formation-embarquee.test.ts.)
 */
const app = appTemporaire();
let formation: PlateformeDemarree;
let reelle: PlateformeDemarree;

const appeler = appelant(app);

beforeAll(async () => {
  await appeler('parametres.enregistrerCommune', {
    nom: 'Aussillon',
    codeInsee: '81021',
    departement: '81',
    emailFonctionnel: 'etat-civil@aussillon.fr',
  });
  await appeler('carte.enregistrerParametres', { mode: 'formation' });
  const etat = await appeler('carte.creerFormation', {
    pin: '4321',
    codeDeblocage: '87654321',
    prenom: 'Alice',
    nom: 'ESSAI',
  });
  const jeton = etat.lecteurs.find((l: { carte: { nature: string } | null }) => l.carte?.nature === 'formation').carte;
  await appeler('carte.connecter', { jetonId: jeton.id, pin: '4321' });
  const carte = new CarteFormation(path.join(app.dossier, 'formation'));
  formation = await demarrerPlateformeFormation({
    commune: { codeInsee: '81021' },
    carte: {
      titulaire: 'Alice ESSAI',
      certificatsPem: carte
        .certificats()
        .filter((c) => !c.autorite)
        .map(versPem),
      caPem: carte.caPem(),
    },
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

const defis = (p: PlateformeDemarree) => p.plateforme.db.prepare('SELECT count(*) FROM defis').pluck().get();

describe('mode formation', () => {
  it('la carte de formation se synchronise avec la plateforme de formation intégrée, pas avec l’adresse paramétrée', async () => {
    await appeler('sync.enregistrerParametres', { plateforme: { url: formation.url } });
    const t = await appeler('sync.testerConnexion');
    expect(t.ok).toBe(true);
    expect(t.etapes[0].message).toMatch(/de formation/);
    expect(t.etapes[1].message).toMatch(/plateforme de formation intégrée/);
    expect(t.etapes[1].message).not.toContain(formation.url);
    expect(t.etapes[2].message).toMatch(/^Plateforme de formation/);
    // The embedded platform's mailbox (12 requests + 2 specimens), not the 6 + 2 of the configured one.
    expect(await appeler('sync.maintenant')).toMatchObject({ statut: 'reussie', recues: 14 });
    expect(defis(formation)).toBe(0);
  });

  it('la carte de formation ne contacte jamais une vraie plateforme paramétrée', async () => {
    await appeler('sync.enregistrerParametres', { plateforme: { url: reelle.url } });
    const r = await appeler('sync.maintenant');
    expect(r.statut).toBe('reussie');
    const t = await appeler('sync.testerConnexion');
    expect(t.etapes.map((e: { etape: string; statut: string }) => [e.etape, e.statut])).toEqual([
      ['carte', 'ok'],
      ['joignabilite', 'ok'],
      ['version', 'ok'],
      ['authentification', 'ok'],
    ]);
    // not even a challenge was asked for
    expect(defis(reelle)).toBe(0);
  });
});
