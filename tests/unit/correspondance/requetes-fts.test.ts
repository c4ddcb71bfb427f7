import { describe, expect, it } from 'vitest';
import { requetesFts } from '../../../electron/demandes/rapprochement/requetes-fts';
import { demandeNaissance } from './fabrique';

/** Variants as the register's vocabulary would give them, fixed for the test. */
const variantes = (mot: string) => (mot === 'lefevre' ? ['lefevre', 'lefebvre'] : [mot]);

describe('clés de recherche des candidats', () => {
  const options = { anneeMax: 2026 };
  const elargie = { anneeMax: 2026, elargie: true };

  it('naissance datée : le jour (et son inversion), puis le nom à une date voisine', () => {
    const r = requetesFts(demandeNaissance({}, { dateNaissance: '1987-03-05' }), variantes, options);
    expect(r.map((x) => x.nom)).toEqual(['date', 'nom, date voisine']);
    expect(r[0].expression).toBe('("j05031987" OR "j03051987")');
    expect(r[1].expression).toMatch(/^\("lefevre" OR "lefebvre"\) AND \(.*"j06031987".*\)$/);
    expect(r[1].expression).toContain('"j05031986"'); // a year's slip
    expect(r[1].expression).not.toContain('"j05031987"'); // the date itself is the first key's
  });

  it('nom d’usage déclaré : cherché avec le nom ; prénom composé : son premier mot, comme l’index', () => {
    const d = demandeNaissance({}, { nomUsage: 'Garnier', prenoms: ['Jean-Pierre'] });
    expect(requetesFts(d, variantes, options)[1].expression).toMatch(/^\("lefevre" OR "lefebvre" OR "garnier"\) AND/);
    expect(requetesFts(d, variantes, elargie)[0].expression).toMatch(/^"jean" AND/);
  });

  it('recherche élargie (aucun acte concordant) : prénom et parent à une date voisine, nom et prénom à un mois ou un an près', () => {
    const r = requetesFts(demandeNaissance({}, { dateNaissance: '1959-06-28' }), variantes, elargie);
    expect(r.map((x) => x.nom)).toEqual(['prénom, parent, date voisine', 'nom, prénom, mois voisins']);
    expect(r[0].expression).toMatch(/^"marie" AND \("lefevre" OR "lefebvre" OR "durand"\) AND \(.*"j29061959".*\)$/);
    expect(r[1]).toEqual({
      nom: 'nom, prénom, mois voisins',
      expression:
        '("lefevre" OR "lefebvre") AND "marie" AND ("m195806" OR "m195906" OR "m196006" OR "m195905" OR "m195907")',
      limite: 100,
    });
    const decembre = requetesFts(demandeNaissance({}, { dateNaissance: '1959-12-31' }), variantes, elargie)[1]
      .expression;
    expect(decembre).toContain('("m195812" OR "m195912" OR "m196012" OR "m195911" OR "m196001")');
  });

  it('sans parent déclaré, la clé qui en a besoin est omise ; sans date, nom et prénom', () => {
    expect(requetesFts(demandeNaissance({ pere: null, mere: null }), variantes, elargie).map((x) => x.nom)).toEqual([
      'nom, prénom, mois voisins',
    ]);
    const sansDate = requetesFts(demandeNaissance({}, { dateNaissance: null }), variantes, options);
    expect(sansDate).toEqual([
      { nom: 'nom, prénom', expression: '("lefevre" OR "lefebvre") AND "marie"', limite: 200 },
    ]);
    expect(requetesFts(demandeNaissance({}, { dateNaissance: null }), variantes, elargie)).toEqual([]);
  });

  it('mariage ou décès : la date de l’événement ; la date de naissance avec le nom, en premier si l’événement n’est pas daté', () => {
    const d = {
      ...demandeNaissance({}, { dateNaissance: '1931-07-08' }),
      typeActe: 'deces' as const,
      evenement: { date: '2020-02-14', lieu: null },
    };
    expect(requetesFts(d, variantes, options).map((x) => x.nom)).toEqual(['date', 'nom, date voisine']);
    expect(requetesFts(d, variantes, options)[0].expression).toBe('"j14022020"');
    const large = requetesFts(d, variantes, elargie);
    expect(large.find((x) => x.nom === 'nom, date de naissance')?.expression).toBe(
      '("lefevre" OR "lefebvre") AND ("j08071931" OR "j07081931")',
    );
    const sansEvenement = requetesFts({ ...d, evenement: null }, variantes, options);
    expect(sansEvenement.map((x) => x.nom)).toEqual(['nom, date de naissance']);
  });

  it('les mots cherchés sont des mots normalisés, entre guillemets : rien ne peut devenir un opérateur FTS', () => {
    const r = requetesFts(demandeNaissance({}, { nom: 'OR" NEAR(x) *', prenoms: ['AND'] }), variantes, options);
    for (const x of r) expect(x.expression).not.toMatch(/NEAR|\*/);
    expect(r[1].expression).toMatch(/^"ornearx" AND/);
  });
});
