import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horlogeFixe } from '../../../electron/horloge';
import { jourParis } from '../../../shared/domain/echeances';
import { appAvecCartes, type AppCartes } from '../signature/outils';
import { demarrerServeurSmtp, type ServeurSmtp } from './outils/serveur-smtp';
import { annuaireAvecAgent } from '../annuaire/outils';

/**
 * The 60-day renewal warning in the e-mail alerts, on a real SQLite directory, real SoftHSM2
 * cards and a real SMTP server: sent at each sync run (even when the platform is out of reach),
 * listing the cards of active agents only, each card once per alert period.
 */
const horloge = horlogeFixe(new Date());
let t: AppCartes;
let smtp: ServeurSmtp;
const JOUR = 24 * 3600 * 1000;

async function synchroniser() {
  // the platform is out of reach: the run fails, the renewal warning leaves all the same
  await t.appeler('sync.maintenant', {}).catch(() => null);
}

beforeAll(async () => {
  t = await appAvecCartes({ horloge, seulement: ['officier', 'agent'] });
  smtp = await demarrerServeurSmtp();
  await t.appeler('parametres.enregistrerCommune', {
    nom: 'Aussillon',
    codeInsee: '81021',
    departement: '81',
    emailFonctionnel: 'etat-civil@aussillon.fr',
  });
  await t.appeler('sync.enregistrerParametres', {
    plateforme: { url: 'http://127.0.0.1:9' },
    smtp: {
      active: true,
      hote: '127.0.0.1',
      port: smtp.port,
      securite: 'aucune',
      utilisateur: null,
      expediteur: 'registre@aussillon.fr',
    },
    planification: { active: false, intervalleMinutes: 30, jours: [1, 2, 3, 4, 5], debut: '08:30', fin: '17:30' },
  });
  const officier = t.cartes.cartes.officier;
  await t.appeler('carte.connecter', { jetonId: await t.jetonId(officier.label), pin: officier.pin });
});
afterAll(async () => {
  t?.detruire();
  await smtp?.fermer();
});

describe('alerte de renouvellement des cartes dans les courriels', () => {
  it('sans annuaire, ni loin de la fin, rien n’est signalé', async () => {
    await synchroniser();
    expect(smtp.recus).toHaveLength(0);
    const durand = await annuaireAvecAgent(t);
    // Paul DURAND leaves: his card is not to be renewed
    await t.appeler('annuaire.enregistrerAgent', { ...durand, actif: false });
    await synchroniser();
    expect(smtp.recus).toHaveLength(0);
  });

  it('à moins de 60 jours de la fin : les cartes des agents actifs, une seule fois par carte', async () => {
    const cartes = await t.appeler('annuaire.listerCartes', {});
    const martin = cartes.find((c) => c.titulaire === 'Jeanne MARTIN')!;
    const [a, m, j] = martin.finValidite.split('-');
    horloge.regler(new Date(new Date(`${martin.finValidite}T12:00:00Z`).getTime() - 30 * JOUR));
    expect(jourParis(horloge.maintenant())).not.toBe(martin.finValidite);

    await synchroniser();
    const [recu] = await smtp.attendre(1);
    expect(recu.a).toEqual(['etat-civil@aussillon.fr']);
    expect(recu.sujet).toBe(`[Registre] 1 carte agent à renouveler (la première le ${j}/${m}/${a})`);
    expect(recu.corps).toContain(
      `  - Jeanne MARTIN, carte n° ${martin.id} : fin de validité le ${j}/${m}/${a} (dans 30 jours)`,
    );
    expect(recu.corps).not.toContain('DURAND');

    // the next runs of the same period say nothing more
    horloge.avancer(JOUR);
    await synchroniser();
    await synchroniser();
    expect(smtp.recus).toHaveLength(1);
  });

  it('un agent réactivé : sa carte est signalée à son tour, et seulement elle', async () => {
    const durand = (await t.appeler('annuaire.listerAgents', {})).find((x) => x.nom === 'DURAND')!;
    const { cartes: _c, roles: _r, delegation: _d, ...fiche } = durand;
    await t.appeler('annuaire.enregistrerAgent', { ...fiche, actif: true });
    await synchroniser();
    const recus = await smtp.attendre(2);
    expect(recus[1].sujet).toMatch(/^\[Registre\] 1 carte agent à renouveler/);
    expect(recus[1].corps).toContain(`Paul DURAND, carte n° ${durand.cartes[0].id}`);
    expect(recus[1].corps).not.toContain('MARTIN');
  });
});
