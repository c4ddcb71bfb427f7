import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Enveloppe } from '../../shared/contract';
import { creerApp } from '../../electron/app';
import { appelant, appTemporaire } from '../support/app-temporaire';
import { naissance } from '../unit/registre/actes-exemples';

/**
 * Training is a separate world: its own database file, chosen by the composition root from
 * the card mode; the commune and the card settings are common, the rest (register, requests,
 * sync settings, backups) belongs to each world.
 */
describe('mondes réel et formation', () => {
  let app: ReturnType<typeof appTemporaire>;
  afterEach(() => app?.detruire());

  // `app` is made again for each test: the helper reaches the current one at each call
  const appeler = appelant({ repartir: (n, e) => app.repartir(n, e) });
  const commune = {
    nom: 'Aussillon',
    codeInsee: '81021',
    departement: '81',
    emailFonctionnel: 'etat-civil@aussillon.fr',
  };
  const plateforme = (url: string) => ({
    plateforme: { url },
    planification: { active: false, intervalleMinutes: 30, jours: [1, 2, 3, 4, 5], debut: '08:30', fin: '17:30' },
  });

  it('chaque monde a son registre et ses réglages de synchronisation ; la commune et le mode sont communs', async () => {
    app = appTemporaire();
    await appeler('parametres.enregistrerCommune', commune);
    await appeler('registre.enregistrer', { acte: naissance(1987, 42, { nom: 'de La Fontaine', prenoms: ['Jean'] }) });
    await appeler('sync.enregistrerParametres', plateforme('http://127.0.0.1:9/reelle'));
    expect((await appeler<{ formation: boolean }>('app.informations', {})).formation).toBe(false);

    const evenements: string[] = [];
    app.bus.abonner((nom, charge) => {
      if (nom === 'registre.modifie') evenements.push((charge as { raison: string }).raison);
    });
    await appeler('carte.enregistrerParametres', { mode: 'formation' });
    expect(evenements).toContain('monde');
    expect((await appeler<{ formation: boolean }>('app.informations', {})).formation).toBe(true);
    expect(app.contexte.fichierBase).toBe(path.join(app.dossier, 'formation', 'registre.db'));
    expect(
      (await appeler<{ resultats: unknown[] }>('registre.rechercher', { texte: 'fontaine' })).resultats,
    ).toHaveLength(0);
    expect(await appeler('parametres.lireCommune', {})).toMatchObject({ codeInsee: '81021' });
    expect((await appeler<{ plateforme: unknown }>('sync.lireParametres', {})).plateforme).toBeNull();
    await appeler('registre.enregistrer', { acte: naissance(2001, 1, { nom: 'ESSAI', prenoms: ['Léa'] }) });

    await appeler('carte.enregistrerParametres', { mode: 'reelle' });
    expect(
      (await appeler<{ resultats: { annee: number }[] }>('registre.rechercher', { texte: 'fontaine' })).resultats.map(
        (r) => r.annee,
      ),
    ).toEqual([1987]);
    expect((await appeler<{ resultats: unknown[] }>('registre.rechercher', { texte: 'essai' })).resultats).toHaveLength(
      0,
    );
    expect((await appeler<{ plateforme: { url: string } }>('sync.lireParametres', {})).plateforme.url).toBe(
      'http://127.0.0.1:9/reelle',
    );
  });

  it('les sauvegardes de chaque monde restent à part : une sauvegarde de formation ne se restaure jamais sur le registre réel', async () => {
    app = appTemporaire();
    await appeler('parametres.enregistrerCommune', commune);
    await appeler('carte.enregistrerParametres', { mode: 'formation' });
    const s = await appeler<{ nom: string }>('base.sauvegarder', {});
    expect(fs.existsSync(path.join(app.dossier, 'formation', 'sauvegardes', s.nom))).toBe(true);
    await appeler('carte.enregistrerParametres', { mode: 'reelle' });
    expect(await appeler('base.listerSauvegardes', {})).toEqual([]);
    const e = (await app.repartir('base.restaurer', { nom: s.nom })) as Enveloppe<unknown>;
    expect(e.ok).toBe(false);
  });

  it('au redémarrage, l’application rouvre le monde où elle était', async () => {
    app = appTemporaire();
    await appeler('parametres.enregistrerCommune', commune);
    await appeler('carte.enregistrerParametres', { mode: 'formation' });
    await appeler('registre.enregistrer', { acte: naissance(2001, 1, { nom: 'ESSAI', prenoms: ['Léa'] }) });
    app.fermer();
    const relancee = creerApp({ dossierDonnees: app.dossier, transport: 'navigateur' });
    try {
      expect(relancee.contexte.monde).toBe('formation');
      const e = (await relancee.repartir('registre.rechercher', { texte: 'essai' })) as Enveloppe<{
        resultats: unknown[];
      }>;
      expect(e.ok && e.valeur.resultats).toHaveLength(1);
    } finally {
      relancee.fermer();
    }
  });

  it('un réglage refusé ne change pas de monde', async () => {
    app = appTemporaire();
    const e = (await app.repartir('carte.enregistrerParametres', {
      mode: 'formation',
      confiancePem: 'pas un certificat',
    })) as Enveloppe<unknown>;
    expect(e.ok).toBe(false);
    expect(app.contexte.monde).toBe('reel');
  });
});
