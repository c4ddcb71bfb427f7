import { afterAll, describe, expect, it } from 'vitest';
import { ouvrirBase } from '../../../electron/db';
import { horlogeFixe } from '../../../electron/horloge';
import { RecuperationCandidats } from '../../../electron/demandes/rapprochement/recuperation';
import { DemandeSchema } from '../../../shared/comedec';
import { demandeExemple } from '../comedec/exemples';
import { demandeNaissance } from './fabrique';

// What the reader lets through must never break the candidate queries: these run on a real
// register (FTS5 with detail=none refuses a token that splits into two words, such as m-112).
const db = ouvrirBase(':memory:');
afterAll(() => db.close());
const recuperation = new RecuperationCandidats(db, horlogeFixe('2026-06-01T10:00:00Z'));

const extremes = [
  '0000-01-01',
  '0000-12-31',
  '0001-01-01',
  '0004-02-29',
  '1791-12-31',
  '1792-01-01',
  '2000-02-29',
  '2027-12-31',
  '9999-01-01',
  '9999-12-31',
];

describe('dates extrêmes : les requêtes de candidats ne peuvent pas échouer', () => {
  it.each(extremes)('%s : acceptée par le schéma, requêtes exécutées sans erreur', (date) => {
    const saisie = demandeExemple();
    const d = DemandeSchema.parse({
      ...saisie,
      personne: { ...saisie.personne, dateNaissance: date },
      evenement: { date, lieu: null },
    });
    for (const typeActe of ['naissance', 'mariage', 'deces'] as const) {
      const donnees = { ...demandeNaissance({ typeActe, evenement: d.evenement }, { dateNaissance: date }) };
      expect(() => recuperation.actes(donnees)).not.toThrow();
      expect(() => recuperation.actes(donnees, true)).not.toThrow();
      expect(() => recuperation.nonIndexes(donnees)).not.toThrow();
    }
  });

  it.each(['0000-00-00', '1987-00-12', '2023-02-30', '2023-02-29', '1900-02-29', '2023-04-31', '2023-13-01'])(
    '%s : refusée par le schéma (la date n’existe pas)',
    (date) => {
      const saisie = demandeExemple();
      const r = DemandeSchema.safeParse({ ...saisie, personne: { ...saisie.personne, dateNaissance: date } });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0].path).toEqual(['personne', 'dateNaissance']);
      expect(r.error?.issues[0].message).toMatch(/^date impossible : /);
    },
  );
});
