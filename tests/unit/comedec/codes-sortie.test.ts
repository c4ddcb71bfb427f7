import { describe, expect, it } from 'vitest';
import { CODES_SORTIE, codeDeSortie } from '../../../electron/cli/codes-sortie';
import { lireDemande } from '../../../electron/comedec/format';
import { erreurSignature } from '../../../shared/domain/droits-agent';
import { RegistreError, erreurs } from '../../../shared/errors';
import { prebalayerXml } from '../../../shared/xml/prebalayage';

const levee = (fn: () => unknown): RegistreError => {
  try {
    fn();
  } catch (e) {
    return e as RegistreError;
  }
  throw new Error('aucune erreur levée');
};

describe('codes de sortie de la ligne de commande : un par genre d’échec', () => {
  it('document refusé (lecteur ou pré-balayage) : 3 ; version inconnue : 4', () => {
    expect(codeDeSortie(levee(() => lireDemande('<demande>')))).toBe(CODES_SORTIE.documentRefuse);
    expect(codeDeSortie(levee(() => prebalayerXml('<a>&#0;</a>')))).toBe(CODES_SORTIE.documentRefuse);
    expect(codeDeSortie(levee(() => lireDemande('<demande xmlns="urn:registre:comedec:02" version="2"/>')))).toBe(
      CODES_SORTIE.versionInconnue,
    );
  });

  it('usage et échecs gardent les codes d’avant (2 et 1)', () => {
    expect(codeDeSortie(erreurs.saisieInvalide('kind', 'sorte inconnue'))).toBe(2);
    expect(codeDeSortie(erreurs.importInvalide('colonne manquante'))).toBe(2);
    expect(codeDeSortie(erreurs.introuvable('Acte', 99999))).toBe(1);
    expect(codeDeSortie(new RegistreError('interne', 'Erreur interne.'))).toBe(1);
    expect(codeDeSortie(erreurs.signatureInvalide('empreinte fausse'))).toBe(1);
    // a card without a signature certificate, refused by the card room itself: still 1
    expect(codeDeSortie(erreurs.droitsInsuffisants('Cette carte ne porte pas de certificat de signature.'))).toBe(1);
    expect(codeDeSortie(erreurs.carteInconnue('bibliothèque PKCS#11 indisponible'))).toBe(1);
  });

  it('refus de l’annuaire des agents (un contrôle nommé, ou la carte qu’il ne connaît pas) : 5', () => {
    expect(codeDeSortie(erreurSignature({ controle: 'officier', raison: 'Paul DURAND n’est pas officier' }))).toBe(
      CODES_SORTIE.droitRefuse,
    );
    expect(codeDeSortie(erreurs.nonAutorise('Session', 'carte_en_service', 'cette carte est révoquée'))).toBe(5);
    expect(codeDeSortie(erreurs.carteHorsAnnuaire())).toBe(5);
  });
});
