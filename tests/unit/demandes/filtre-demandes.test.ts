import { describe, expect, it } from 'vitest';
import {
  bornesReception,
  clePersonne,
  motifsPersonne,
  motsPersonne,
  nombreCriteres,
  sansDimension,
} from '../../../shared/domain/filtre-demandes';
import { CriteresDemandesSchema } from '../../../shared/contract/demandes';
import { appels } from '../../../shared/contract';

describe('filtres des demandes reçues : règles pures', () => {
  it('la clé d’une personne : noms et prénoms pliés (casse, accents, tirets, apostrophes), précédée d’une espace', () => {
    expect(clePersonne({ nom: 'N’DIAYE', nomUsage: 'Roussel', prenoms: ['Marie-Hélène', 'Zoé'] })).toBe(
      ' ndiaye roussel marie helene zoe',
    );
    expect(clePersonne({ nom: 'ŒUVRARD', prenoms: [] })).toBe(' oeuvrard');
    expect(clePersonne({ nom: '', prenoms: [] })).toBe('');
  });

  it('les mots cherchés : normalisés, sans doublon, bornés ; chacun commence un mot des noms', () => {
    expect(motsPersonne('  Élise  MART ')).toEqual(['elise', 'mart']);
    expect(motsPersonne('martin martin')).toEqual(['martin']);
    expect(motsPersonne(' - ’ ')).toEqual([]);
    expect(motsPersonne('a b c d e f g h')).toHaveLength(6);
    expect(motifsPersonne('Mart Éli')).toEqual(['% mart%', '% eli%']);
    // the LIKE pattern against the key: a word's beginning, never its middle
    const cle = clePersonne({ nom: 'MARTIN', prenoms: ['Élise'] });
    const trouve = (saisie: string) => motsPersonne(saisie).every((m) => cle.includes(` ${m}`));
    expect(trouve('eli mart')).toBe(true);
    expect(trouve('artin')).toBe(false);
    expect(trouve('Élise Martin')).toBe(true);
  });

  it('« reçues entre » deux jours de Paris, bornes comprises, y compris au changement d’heure', () => {
    expect(bornesReception('2026-03-01', '2026-03-31')).toEqual({
      depuis: '2026-02-28T23:00:00.000Z',
      // the day after the 31st, 00:00 Paris in summer time (the clocks moved on the 29th)
      avant: '2026-03-31T22:00:00.000Z',
    });
    expect(bornesReception(null, undefined)).toEqual({ depuis: null, avant: null });
    expect(bornesReception(undefined, '2026-12-31')).toEqual({ depuis: null, avant: '2026-12-31T23:00:00.000Z' });
    // a stored instant with or without milliseconds compares right with the '.000Z' bound
    const { depuis } = bornesReception('2026-03-01');
    expect('2026-02-28T23:00:00Z' >= depuis!).toBe(true);
    expect('2026-02-28T22:59:59.999Z' >= depuis!).toBe(false);
    expect('2026-02-28T23:00:00.001Z' >= depuis!).toBe(true);
    expect(() => bornesReception('01/03/2026')).toThrow(RangeError);
  });

  it('les comptes d’une dimension ignorent ses propres critères, gardent les autres', () => {
    const c = {
      etats: ['recue'],
      alerte: 'J-2',
      demandeurs: ['notaire'],
      typesActe: ['naissance'],
      personne: 'martin',
      du: '2026-01-01',
    };
    expect(sansDimension(c, 'etat')).toEqual({
      demandeurs: ['notaire'],
      typesActe: ['naissance'],
      personne: 'martin',
      du: '2026-01-01',
    });
    expect(sansDimension(c, 'demandeur')).not.toHaveProperty('demandeurs');
    expect(sansDimension(c, 'demandeur')).toHaveProperty('typesActe');
    expect(sansDimension(c, 'typeActe')).not.toHaveProperty('typesActe');
    expect(c.etats).toEqual(['recue']);
    expect(nombreCriteres(c)).toBe(4);
    expect(nombreCriteres({ etats: ['recue'], personne: ' - ', demandeurs: [] })).toBe(0);
  });

  it('le contrat refuse des critères invalides avec un message en français, et laisse passer les bons', () => {
    const entree = appels['demandes.lister'].entree;
    expect(entree.safeParse({ du: '2026-03-10', au: '2026-03-01' }).error?.issues[0].message).toBe(
      'la date de début doit précéder la date de fin',
    );
    expect(entree.safeParse({ du: '2026-02-30' }).success).toBe(false);
    expect(entree.safeParse({ demandeurs: ['pirate'] }).success).toBe(false);
    expect(entree.safeParse({ personne: 'x'.repeat(101) }).error?.issues[0].message).toMatch(/trop long/);
    expect(entree.safeParse({ limite: 501 }).success).toBe(false);
    expect(
      CriteresDemandesSchema.parse({
        demandeurs: ['notaire'],
        typesActe: ['deces'],
        du: '2026-03-01',
        au: '2026-03-01',
      }),
    ).toEqual({ demandeurs: ['notaire'], typesActe: ['deces'], du: '2026-03-01', au: '2026-03-01' });
  });
});
