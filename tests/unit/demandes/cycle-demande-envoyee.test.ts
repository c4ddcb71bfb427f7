import { describe, expect, it } from 'vitest';
import { raisonCommuneReponse } from '../../../shared/domain/commune-reponse';
import {
  CyclesDemandeEnvoyee,
  cycleDemandeEnvoyee,
  exigerActionDemandeEnvoyee,
  exigerTransitionDemandeEnvoyee,
  suiviDemandeEnvoyee,
  TRANSITIONS_DEMANDE_ENVOYEE,
  transitionDemandeEnvoyeePermise,
} from '../../../shared/domain/cycle-demande-envoyee';

describe('cycle d’une demande envoyée à une autre commune', () => {
  it('seul un brouillon s’abandonne ; répondue, rejetée et abandonnée sont finales', () => {
    expect(transitionDemandeEnvoyeePermise('brouillon', 'abandonnee')).toBe(true);
    for (const de of CyclesDemandeEnvoyee.filter((c) => c !== 'brouillon'))
      expect(transitionDemandeEnvoyeePermise(de, 'abandonnee'), de).toBe(false);
    for (const fin of ['repondue', 'rejetee', 'abandonnee'] as const)
      expect(TRANSITIONS_DEMANDE_ENVOYEE[fin]).toEqual([]);
    // answered only once the commune asked has it (receipted)
    expect(transitionDemandeEnvoyeePermise('envoyee', 'repondue')).toBe(false);
    expect(transitionDemandeEnvoyeePermise('accusee', 'repondue')).toBe(true);
    expect(() => exigerTransitionDemandeEnvoyee('signee', 'abandonnee')).toThrow(
      'Cette demande est signée, à envoyer : elle ne peut pas devenir abandonnée.',
    );
  });

  it('seul un brouillon se modifie (il reste un brouillon) ; signée, la demande est figée', () => {
    expect(transitionDemandeEnvoyeePermise('brouillon', 'brouillon')).toBe(true);
    expect(() => exigerActionDemandeEnvoyee('brouillon', 'modifier')).not.toThrow();
    for (const de of CyclesDemandeEnvoyee.filter((c) => c !== 'brouillon'))
      expect(() => exigerActionDemandeEnvoyee(de, 'modifier'), de).toThrow(/ne peut plus être modifiée\.$/);
    expect(() => exigerActionDemandeEnvoyee('signee', 'modifier')).toThrow(
      'Cette demande est signée, à envoyer : elle ne peut plus être modifiée.',
    );
    expect(() => exigerActionDemandeEnvoyee('accusee', 'abandonner')).toThrow(
      'Cette demande est reçue par la commune : elle ne peut plus être abandonnée.',
    );
  });

  it('l’état se lit dans la boîte d’envoi et les réponses gardées', () => {
    expect(cycleDemandeEnvoyee('brouillon', false)).toBe('brouillon');
    expect(cycleDemandeEnvoyee('signe', false)).toBe('signee');
    expect(cycleDemandeEnvoyee('envoi', false)).toBe('envoyee');
    expect(cycleDemandeEnvoyee('accepte', false)).toBe('accusee');
    expect(cycleDemandeEnvoyee('accepte', true)).toBe('repondue');
    expect(cycleDemandeEnvoyee('rejete', false)).toBe('rejetee');
    expect(cycleDemandeEnvoyee(null, false)).toBe('abandonnee');
  });

  it('en retard : reçue par la commune, sans réponse, à partir du lendemain de son dernier jour (20 jours de Paris, ou la date de la procédure si elle est plus proche)', () => {
    // receipted 1 March 2026 at 10:00 Paris (09:00 UTC)
    const accuseeLe = '2026-03-01T09:00:00.000Z';
    const a = (iso: string, cycle: 'accusee' | 'repondue' = 'accusee', dateProcedure: string | null = null) =>
      suiviDemandeEnvoyee({ cycle, accuseeLe, dateProcedure }, new Date(iso));
    expect(a('2026-03-21T22:59:00Z')).toEqual({ etat: 'accusee', jourLimite: '2026-03-21', joursRestants: 0 });
    // 00:00 Paris on 22 March is 23:00 UTC on the 21st (winter time)
    expect(a('2026-03-21T23:00:00Z')).toMatchObject({ etat: 'en_retard', joursRestants: -1 });
    expect(a('2026-04-30T10:00:00Z', 'repondue')).toMatchObject({ etat: 'repondue' });
    // the wedding on 10 March: the answer is due by then
    expect(a('2026-03-10T12:00:00Z', 'accusee', '2026-03-10')).toMatchObject({
      etat: 'accusee',
      jourLimite: '2026-03-10',
    });
    expect(a('2026-03-10T23:00:00Z', 'accusee', '2026-03-10')).toMatchObject({ etat: 'en_retard' });
    // a later procedure does not extend the 20 days
    expect(a('2026-03-15T12:00:00Z', 'accusee', '2026-06-20')).toMatchObject({ jourLimite: '2026-03-21' });
    // never late before the receipt
    expect(
      suiviDemandeEnvoyee({ cycle: 'envoyee', accuseeLe: null, dateProcedure: null }, new Date('2027-01-01')),
    ).toEqual({ etat: 'envoyee', jourLimite: null, joursRestants: null });
  });
});

describe('une réponse vaut si elle vient de la commune demandée, signée par un de ses officiers', () => {
  it('la commune de la réponse et celle du certificat doivent être celle demandée', () => {
    expect(
      raisonCommuneReponse({ communeDemandee: '31555', communeReponse: '31555', communeCertificat: '31555' }),
    ).toBe(null);
    expect(
      raisonCommuneReponse({ communeDemandee: '31555', communeReponse: '81004', communeCertificat: '81004' }),
    ).toBe('la réponse se présente comme celle de la commune 81004, la demande a été adressée à 31555');
    expect(
      raisonCommuneReponse({ communeDemandee: '31555', communeReponse: '31555', communeCertificat: '81004' }),
    ).toBe('le signataire est un agent de la commune 81004, pas de 31555');
    expect(
      raisonCommuneReponse({ communeDemandee: '31555', communeReponse: '31555', communeCertificat: null }),
    ).toMatch(/ne nomme pas sa commune/);
  });
});
