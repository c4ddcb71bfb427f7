import { describe, expect, it } from 'vitest';
import { etatPlateforme, qualite, resumeCarte } from '../../../shared/domain/barre-etat';

describe('barre d’état : la carte et la plateforme en français', () => {
  it('la carte : absente, insérée sans session, ouverte (nom et qualité selon l’annuaire), de formation', () => {
    expect(resumeCarte({ carteInseree: false, session: null, poste: null })).toEqual({
      texte: 'Aucune carte',
      niveau: 'aucune',
    });
    expect(resumeCarte({ carteInseree: true, session: null, poste: null }).texte).toBe('Carte insérée, session fermée');
    const session = { nature: 'carte' as const, titulaire: 'Jeanne MARTIN' };
    expect(
      resumeCarte({
        carteInseree: true,
        session,
        poste: { etat: 'agent', agent: { nomComplet: 'Jeanne MARTIN', roles: ['officier', 'responsable_cartes'] } },
      }),
    ).toEqual({ texte: 'Carte de Jeanne MARTIN — officier', niveau: 'session' });
    expect(
      resumeCarte({
        carteInseree: true,
        session: { nature: 'formation', titulaire: 'X' },
        poste: { etat: 'agent', agent: { nomComplet: 'Paul DURAND', roles: ['agent'] } },
      }).texte,
    ).toBe('Carte de Paul DURAND — agent (carte de formation)');
    // no directory yet: the certificate's holder, no quality claimed
    expect(resumeCarte({ carteInseree: true, session, poste: { etat: 'sans_annuaire', agent: null } }).texte).toBe(
      'Carte de Jeanne MARTIN',
    );
    expect(resumeCarte({ carteInseree: true, session, poste: { etat: 'carte_inconnue', agent: null } }).texte).toBe(
      'Carte de Jeanne MARTIN — inconnue de l’annuaire',
    );
    expect(
      resumeCarte({
        carteInseree: true,
        session: { nature: 'carte', titulaire: null },
        poste: { etat: 'carte_refusee', agent: null },
      }).texte,
    ).toBe('Carte — refusée par l’annuaire');
    expect(qualite(['delegue', 'responsable_cartes'])).toBe('agent');
  });

  it('la plateforme : jamais contactée, joignable (même partiellement), non atteinte, mise à jour en cours', () => {
    expect(etatPlateforme(null)).toEqual({ etat: 'jamais', texte: 'Plateforme jamais contactée' });
    expect(etatPlateforme({ enCours: false, derniere: null }).etat).toBe('jamais');
    expect(etatPlateforme({ enCours: false, derniere: { statut: 'reussie' } }).texte).toBe('Plateforme joignable');
    expect(etatPlateforme({ enCours: false, derniere: { statut: 'partielle' } }).etat).toBe('joignable');
    expect(etatPlateforme({ enCours: false, derniere: { statut: 'echouee' } })).toEqual({
      etat: 'non_atteinte',
      texte: 'Plateforme non atteinte',
    });
    expect(etatPlateforme({ enCours: false, derniere: { statut: 'interrompue' } }).etat).toBe('non_atteinte');
    expect(etatPlateforme({ enCours: true, derniere: { statut: 'reussie' } }).texte).toBe('Mise à jour en cours…');
    expect(etatPlateforme({ enCours: false, derniere: { statut: 'reussie' } }, true).etat).toBe('en_cours');
  });
});
