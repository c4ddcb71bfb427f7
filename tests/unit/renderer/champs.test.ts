import { describe, expect, it } from 'vitest';
import type { ActeSaisi } from '../../../shared/domain/acte';
import { cleDuChamp, erreursDesDetails, rangerErreurs } from '../../../renderer/src/ecrans/registre/editeur/champs';
import { erreurs } from '../../../shared/errors';

const acte: ActeSaisi = {
  type: 'naissance',
  annee: 1950,
  numero: 1,
  personnes: [
    { role: 'titulaire', nom: 'A', prenoms: ['B'] },
    { role: 'mere', nom: 'C', prenoms: [] },
  ],
  mentions: [{ type: 'autre', texte: '' }],
};

describe('erreurs rattachées aux champs du formulaire', () => {
  it('chemins de validerActe (par rôle)', () => {
    expect(cleDuChamp('personnes.mere.prenoms', acte)).toBe('personnes.mere.prenoms');
    expect(cleDuChamp('personnes.pere', acte)).toBe('personnes.pere.nom');
    expect(cleDuChamp('personnes.titulaire.lieuNaissance', acte)).toBe('personnes.titulaire.lieuNaissance');
    expect(cleDuChamp('mentions.0.texte', acte)).toBe('mentions.0.texte');
    expect(cleDuChamp('dateEvenement', acte)).toBe('dateEvenement');
    expect(cleDuChamp('lieuEvenement', acte)).toBe('lieuEvenement');
  });

  it('chemins zod du serveur (par indice, préfixés par « acte »)', () => {
    expect(cleDuChamp('acte.personnes.1.prenoms.0', acte)).toBe('personnes.mere.prenoms');
    expect(cleDuChamp('acte.personnes[0].nom', acte)).toBe('personnes.titulaire.nom');
    expect(cleDuChamp('acte.lieuEvenement.codeInsee', acte)).toBe('lieuEvenement');
    expect(cleDuChamp('acte.lieuEvenement.pays', acte)).toBe('lieuEvenement.pays');
    expect(cleDuChamp('acte.personnes.0.lieuNaissance.pays', acte)).toBe('personnes.titulaire.lieuNaissance.pays');
    expect(cleDuChamp('acte.annee', acte)).toBe('annee');
  });

  it('ce qui ne correspond à aucun champ devient une erreur générale, jamais perdue', () => {
    const r = rangerErreurs(
      [
        { champ: 'acte.personnes.5.nom', raison: 'x' },
        { champ: 'personnes', raison: 'trop de personnes' },
        { champ: 'annee', raison: 'première' },
        { champ: 'annee', raison: 'seconde' },
      ],
      acte,
    );
    expect(r.generales).toEqual(['x', 'trop de personnes']);
    expect(r.parChamp).toEqual({ annee: 'première' });
  });

  it('lit les détails d’une erreur saisie_invalide telle qu’elle traverse la frontière', () => {
    const e = erreurs.saisiesInvalides([{ champ: 'numero', raison: 'déjà pris' }]);
    expect(erreursDesDetails(JSON.parse(JSON.stringify(e.toJSON())).details)).toEqual([
      { champ: 'numero', raison: 'déjà pris' },
    ]);
    expect(erreursDesDetails({ champ: 'annee', raison: 'r' })).toEqual([{ champ: 'annee', raison: 'r' }]);
    expect(erreursDesDetails({ erreurs: [{ champ: 1 }, null, { champ: 'a', raison: 'b' }] })).toEqual([
      { champ: 'a', raison: 'b' },
    ]);
    expect(erreursDesDetails(undefined)).toEqual([]);
  });
});
