import { beforeAll, describe, expect, it } from 'vitest';
import { analyserCertificat, exigerValide, validite } from '../../../electron/signature/certificats';
import { avertissements, decrireCertificat } from '../../../electron/signature/description';
import { horlogeFixe } from '../../../electron/horloge';
import { pkiLogicielle } from '../../fixtures/cartes/logiciel';

const T0 = new Date('2026-03-01T10:00:00Z');
const J = 24 * 3600 * 1000;
let pki: Awaited<ReturnType<typeof pkiLogicielle>>;

beforeAll(async () => {
  pki = await pkiLogicielle(T0);
});

describe('certificats de la carte', () => {
  it('distingue authentification et signature par l’usage de clé, pas par le libellé', async () => {
    const auth = analyserCertificat((await pki.emettre('authentification')).der);
    const sig = analyserCertificat((await pki.emettre('signature')).der);
    expect(auth.usage).toBe('authentification');
    expect(sig.usage).toBe('signature');
    expect(analyserCertificat(new Uint8Array(pki.agents.certificat.rawData)).usage).toBe('autorite');
    expect(sig).toMatchObject({
      titulaire: 'Jeanne MARTIN',
      prenom: 'Jeanne',
      nom: 'MARTIN',
      organisation: 'MAIRIE-81-AUSSILLON',
      uniteOrganisation: '81021',
    });
    expect(sig.emetteur).toBe('Registre AC Agents de test');
    expect(sig.serie).toMatch(/^[0-9A-F]+$/);
  });

  it('analyse chaque certificat une seule fois par processus', async () => {
    const { der } = await pki.emettre('signature');
    expect(analyserCertificat(der)).toBe(analyserCertificat(new Uint8Array(der)));
  });

  it('avertit 60 jours avant l’expiration, refuse un certificat expiré ou pas encore valide (horloge injectable)', async () => {
    const c = analyserCertificat((await pki.emettre('signature', { finJours: 100 })).der);
    const horloge = horlogeFixe(T0);
    expect(validite(c, horloge.maintenant())).toMatchObject({ validite: 'valide', joursRestants: 100 });
    horloge.avancer(39 * J);
    expect(validite(c, horloge.maintenant()).validite).toBe('valide');
    horloge.avancer(1 * J + 1000);
    expect(validite(c, horloge.maintenant())).toMatchObject({ validite: 'expire_bientot', joursRestants: 59 });
    const vue = decrireCertificat(c, horloge.maintenant());
    expect(avertissements([vue])[0]).toMatch(/expire le .* \(dans 59 jours\)/);
    expect(() => exigerValide(c, horloge.maintenant())).not.toThrow();
    horloge.avancer(60 * J);
    expect(validite(c, horloge.maintenant()).validite).toBe('expire');
    expect(() => exigerValide(c, horloge.maintenant())).toThrow(/a expiré le/);
    const futur = analyserCertificat((await pki.emettre('signature', { debutJours: 5 })).der);
    expect(() => exigerValide(futur, T0)).toThrow(/ne sera valide qu’à partir/);
  });

  it('refuse un certificat illisible', () => {
    expect(() => analyserCertificat(new Uint8Array([1, 2, 3]))).toThrow(/illisible/);
  });
});
