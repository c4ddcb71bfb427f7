import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courrielNouvellesDemandes } from '../../../electron/sync/alertes/message';
import { envoyerCourriel, type ConfigurationMessagerie } from '../../../electron/sync/alertes/messagerie';
import { RegistreError } from '../../../shared/errors';
import { demarrerServeurSmtp, type ServeurSmtp } from './outils/serveur-smtp';

let smtp: ServeurSmtp;
let smtpAuth: ServeurSmtp;
beforeAll(async () => {
  smtp = await demarrerServeurSmtp();
  smtpAuth = await demarrerServeurSmtp({ utilisateur: 'etat-civil', motDePasse: 'secret-smtp' });
});
afterAll(async () => {
  await smtp.fermer();
  await smtpAuth.fermer();
});

const config = (port: number, autre: Partial<ConfigurationMessagerie> = {}): ConfigurationMessagerie => ({
  active: true,
  hote: '127.0.0.1',
  port,
  securite: 'aucune',
  utilisateur: null,
  motDePasse: null,
  expediteur: 'registre@aussillon.fr',
  ...autre,
});

describe('courriel d’alerte sur un vrai serveur SMTP (boucle locale)', () => {
  it('arrive à l’adresse fonctionnelle avec les nombres et l’échéance, sans donnée personnelle', async () => {
    const message = courrielNouvellesDemandes(
      { nombre: 3, specimens: 1, parType: { naissance: 2, deces: 1 }, jourLimitePlusProche: '2026-04-12' },
      'MAIRIE-81-AUSSILLON',
    );
    await envoyerCourriel(config(smtp.port), 'etat-civil@aussillon.fr', message);
    const [recu] = await smtp.attendre(1);
    expect(recu.de).toBe('registre@aussillon.fr');
    expect(recu.a).toEqual(['etat-civil@aussillon.fr']);
    expect(recu.sujet).toBe('[Registre] 3 nouvelles demandes COMEDEC (à traiter au plus tard le 12/04/2026)');
    expect(recu.corps).toContain('3 nouvelles demandes COMEDEC sont arrivées pour MAIRIE-81-AUSSILLON');
    expect(recu.corps).toContain('  - Naissance : 2');
    expect(recu.corps).toContain('  - Décès : 1');
    expect(recu.corps).not.toContain('Mariage');
    expect(recu.corps).toContain('Et 1 demande spécimen (test de raccordement), non comptée.');
  });

  it('s’authentifie quand un utilisateur est configuré, et signale un mot de passe refusé', async () => {
    const message = courrielNouvellesDemandes(
      { nombre: 1, specimens: 0, parType: { mariage: 1 }, jourLimitePlusProche: null },
      'MAIRIE-81-AUSSILLON',
    );
    await envoyerCourriel(
      config(smtpAuth.port, { utilisateur: 'etat-civil', motDePasse: 'secret-smtp' }),
      'ec@aussillon.fr',
      message,
    );
    const [recu] = await smtpAuth.attendre(1);
    expect(recu.sujet).toBe('[Registre] 1 nouvelle demande COMEDEC');
    expect(recu.corps).toContain('1 nouvelle demande COMEDEC est arrivée');

    const echec = await envoyerCourriel(
      config(smtpAuth.port, { utilisateur: 'etat-civil', motDePasse: 'faux' }),
      'ec@aussillon.fr',
      message,
    ).catch((e) => e);
    expect(echec).toBeInstanceOf(RegistreError);
    expect(echec.message).toMatch(/messagerie/);
    expect(JSON.stringify(echec.details)).toContain('535');
    expect(smtpAuth.recus).toHaveLength(1);
  });

  it('un serveur absent donne une erreur claire, pas une exception brute', async () => {
    const fermé = await demarrerServeurSmtp();
    const port = fermé.port;
    await fermé.fermer();
    const echec = await envoyerCourriel(config(port), 'ec@aussillon.fr', { sujet: 's', texte: 't' }).catch((e) => e);
    expect(echec).toBeInstanceOf(RegistreError);
    expect(echec.code).toBe('plateforme_injoignable');
  });
});
