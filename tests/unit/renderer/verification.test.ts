import { describe, expect, it } from 'vitest';
import { formulaireVide } from '../../../renderer/src/ecrans/registre/editeur/formulaire';
import { verifierFormulaire } from '../../../renderer/src/ecrans/registre/editeur/verification';
import { ecrireChemin, idChamp, lireChemin } from '../../../renderer/src/ecrans/registre/editeur/chemins';

describe('vérification du formulaire (règles de validerActe)', () => {
  it('un formulaire vide de naissance nomme chaque champ obligatoire', () => {
    const f = { ...formulaireVide('naissance', 1950), numero: '3' };
    const v = verifierFormulaire(f);
    expect(Object.keys(v.parChamp).sort()).toEqual(
      [
        'dateEvenement',
        'lieuEvenement',
        'personnes.titulaire.nom',
        'personnes.titulaire.prenoms',
        'personnes.titulaire.sexe',
      ].sort(),
    );
    expect(v.generales).toEqual([]);
  });

  it('une date illisible garde son message de lecture, pas « obligatoire »', () => {
    const f = { ...formulaireVide('deces', 2020), numero: '1', dateEvenement: '30/02/2020' };
    expect(verifierFormulaire(f).parChamp.dateEvenement).toMatch(/30 février/);
  });

  it('un formulaire complet passe', () => {
    let f = { ...formulaireVide('naissance', 1950), numero: '12', dateActe: '14/03/1950', dateEvenement: '12/03/1950' };
    f = ecrireChemin(f, 'lieuEvenement', {
      commune: 'Albi',
      codeInsee: '81004',
      departement: '81',
      etranger: false,
      pays: '',
    });
    f = ecrireChemin(f, 'personnes.titulaire.nom', 'Lefèvre');
    f = ecrireChemin(f, 'personnes.titulaire.prenoms', 'Éloïse');
    f = ecrireChemin(f, 'personnes.titulaire.sexe', 'F');
    const v = verifierFormulaire(f);
    expect(v.parChamp).toEqual({});
    expect(v.acte.personnes).toHaveLength(1);
  });
});

describe('chemins des champs', () => {
  it('lit et écrit sans modifier l’original', () => {
    const f = formulaireVide('naissance', 1950);
    const g = ecrireChemin(f, 'personnes.pere.nom', 'Martin');
    expect(lireChemin(g, 'personnes.pere.nom')).toBe('Martin');
    expect(f.personnes.pere.nom).toBe('');
    expect(g.personnes.mere).toBe(f.personnes.mere);
    const h = ecrireChemin(
      { ...g, mentions: [{ cle: 'a', type: 'autre' as const, date: '', texte: '' }] },
      'mentions.0.texte',
      'x',
    );
    expect(h.mentions[0].texte).toBe('x');
    expect(Array.isArray(h.mentions)).toBe(true);
    expect(idChamp('mentions.0.texte')).toBe('champ-mentions-0-texte');
  });
});
