import { describe, expect, it } from 'vitest';
import {
  apresAppel,
  arreteLeLot,
  debuterLot,
  documentsParAppel,
  libelleProgression,
  pinSaisi,
  restants,
  saisiePin,
} from '../../../shared/domain/lot-signature';

describe('lot de signature : la carte décide combien de fois le PIN est demandé', () => {
  it('la saisie suit la clé et le lecteur', () => {
    expect(saisiePin({ pinRequis: true, pinParSignature: false, lecteurAClavier: false })).toBe('une_par_lot');
    expect(saisiePin({ pinRequis: true, pinParSignature: true, lecteurAClavier: false })).toBe('une_par_signature');
    // a PIN pad takes the PIN itself, as often as the card asks: the batch runs in one go
    expect(saisiePin({ pinRequis: true, pinParSignature: true, lecteurAClavier: true })).toBe('clavier_lecteur');
    expect(saisiePin({ pinRequis: false, pinParSignature: false, lecteurAClavier: false })).toBe('aucune');
  });

  it('un appel signe tout le lot, ou un seul document quand le PIN sert une signature', () => {
    expect(documentsParAppel('une_par_lot', 3)).toBe(3);
    expect(documentsParAppel('clavier_lecteur', 3)).toBe(3);
    expect(documentsParAppel('une_par_signature', 3)).toBe(1);
    expect(documentsParAppel('une_par_signature', 0)).toBe(0);
  });

  it('carte ou officier arrêtent le lot ; un document en échec, non', () => {
    for (const code of [
      'pin_incorrect',
      'pin_bloque',
      'pin_requis',
      'carte_retiree',
      'carte_changee_pendant_lot',
    ] as const)
      expect(arreteLeLot(code)).toBe(true);
    expect(arreteLeLot('import_invalide')).toBe(false);
    expect(arreteLeLot('saisie_invalide')).toBe(false);
  });

  it('PIN par signature : trois saisies, la progression « signature n sur 3 », puis terminé', () => {
    let e = debuterLot('une_par_signature', 3);
    expect(libelleProgression(e)).toBe('signature 1 sur 3');
    for (let i = 0; i < 3; i++) {
      e = apresAppel(pinSaisi(e), { signes: 1, echecs: 0, enAttente: 2 - i, codeErreur: null });
      if (i < 2) {
        expect(e.fin).toBeNull();
        expect(libelleProgression(e)).toBe(`signature ${i + 2} sur 3`);
      }
    }
    expect(e).toMatchObject({ fin: 'termine', signes: 3, saisies: 3 });
    expect(restants(e)).toBe(0);
  });

  it('PIN par lot : une saisie, un appel, terminé même s’il reste des documents en échec', () => {
    const e = apresAppel(pinSaisi(debuterLot('une_par_lot', 3)), {
      signes: 2,
      echecs: 1,
      enAttente: 0,
      codeErreur: null,
    });
    expect(e).toMatchObject({ fin: 'termine', signes: 2, echecs: 1, saisies: 1 });
  });

  it('le premier PIN faux arrête le lot : ce qui est signé le reste, le reste est compté', () => {
    let e = debuterLot('une_par_signature', 3);
    e = apresAppel(pinSaisi(e), { signes: 1, echecs: 0, enAttente: 2, codeErreur: null });
    e = apresAppel(pinSaisi(e), { signes: 0, echecs: 0, enAttente: 2, codeErreur: 'pin_incorrect' });
    expect(e).toMatchObject({ fin: 'arrete', codeArret: 'pin_incorrect', signes: 1, saisies: 2 });
    expect(restants(e)).toBe(2);
  });

  it('un lot vide est terminé d’emblée', () => {
    expect(debuterLot('une_par_lot', 0).fin).toBe('termine');
  });
});
