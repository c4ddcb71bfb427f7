import { describe, expect, it } from 'vitest';
import {
  construireAccuse,
  construireDemande,
  construireDemandeEmise,
  construireRejet,
  construireReponse,
  erreurDeRejet,
  identifierDocument,
  lireAccuse,
  lireDemandeEmise,
  lireRejet,
  MotifsRejet,
} from '../../../electron/comedec/format';
import { demandeEmiseExemple, demandeExemple, erreurDe, reponseExemple } from './exemples';

const accuse = {
  version: 2 as const,
  numero: 'AR-000001',
  objet: 'reponse' as const,
  demandeId: 'DEM-1',
  documentId: 'REP-1',
  cleIdempotence: 'cle-8d2f',
  recuLe: '2024-03-04T09:12:01.000Z',
  empreinte: 'ab'.repeat(32),
};

describe('format d’échange : accusé de réception', () => {
  it('aller-retour', () => {
    expect(lireAccuse(construireAccuse(accuse))).toEqual(accuse);
    expect(lireAccuse(construireAccuse({ ...accuse, version: 1 })).version).toBe(1);
  });
  it('empreinte mal formée ou algorithme inconnu : refusé', () => {
    expect(erreurDe(() => construireAccuse({ ...accuse, empreinte: 'xyz' })).details.champ).toBe('empreinte');
    expect(erreurDe(() => lireAccuse(construireAccuse(accuse).replace('sha256', 'md5'))).details.champ).toBe(
      'empreinte.algorithme',
    );
  });
});

describe('format d’échange : rejet', () => {
  it('aller-retour et conversion en erreur typée rejet_plateforme', () => {
    const xml = construireRejet({
      version: 2,
      motif: 'demande_purgee',
      message: 'La demande a été purgée (23 jours).',
      horodatage: accuse.recuLe,
      demandeId: 'DEM-1',
      cleIdempotence: 'k',
    });
    const r = lireRejet(xml);
    expect(r).toMatchObject({ motif: 'demande_purgee', demandeId: 'DEM-1', cleIdempotence: 'k', champ: null });
    const e = erreurDeRejet(r);
    expect(e.code).toBe('rejet_plateforme');
    expect(e.details).toEqual({ motif: 'demande_purgee', demandeId: 'DEM-1' });
    expect(e.recuperable).toBe(false);
  });
  it('motifs du ticket présents', () => {
    for (const m of [
      'signature_invalide',
      'certificat_non_habilite',
      'officier_non_delegue',
      'demande_inconnue',
      'demande_purgee',
      'version_inconnue',
      'document_invalide',
      'mauvaise_demande',
    ]) {
      expect(MotifsRejet).toContain(m);
    }
  });
  it('motif inconnu refusé', () => {
    const xml = construireRejet({ version: 2, motif: 'introuvable', message: 'x', horodatage: accuse.recuLe });
    expect(erreurDe(() => lireRejet(xml.replace('introuvable', 'fatigue'))).details.champ).toBe('motif');
  });
});

describe('format d’échange : demande émise vers une autre commune', () => {
  it('version 2 : aller-retour avec échéance de procédure et type de référence', () => {
    const d = lireDemandeEmise(construireDemandeEmise(demandeEmiseExemple(2)));
    expect(d).toMatchObject({
      id: 'EMI-0001',
      motif: 'dossier_mariage',
      typeReference: 'dossier_mariage',
      echeanceProcedure: '2024-06-15',
      destinataire: { codeInsee: '31555' },
    });
    expect(d.personne.prenoms).toEqual(['Paul']);
  });
  it('version 1 : sans ces deux champs ; un document v1 qui les porte est refusé', () => {
    const xml = construireDemandeEmise(demandeEmiseExemple(1));
    expect(xml).not.toContain('echeanceProcedure');
    const d = lireDemandeEmise(xml);
    expect(d.typeReference).toBeNull();
    expect(d.echeanceProcedure).toBeNull();
    const e = erreurDe(() =>
      lireDemandeEmise(xml.replace('<emiseLe>', '<echeanceProcedure>2024-06-15</echeanceProcedure><emiseLe>')),
    );
    expect(e.details.champ).toBe('echeanceProcedure');
  });
});

describe('identifierDocument', () => {
  it('reconnaît chaque document et sa version', () => {
    expect(identifierDocument(construireDemande(demandeExemple(1)))).toEqual({ racine: 'demande', version: 1 });
    expect(identifierDocument(construireReponse(reponseExemple(2)))).toEqual({ racine: 'reponse', version: 2 });
    expect(identifierDocument(construireAccuse(accuse)).racine).toBe('accuseReception');
    expect(identifierDocument(construireDemandeEmise(demandeEmiseExemple())).racine).toBe('demandeEmise');
    expect(
      identifierDocument(construireRejet({ version: 2, motif: 'introuvable', message: 'x', horodatage: accuse.recuLe }))
        .racine,
    ).toBe('rejet');
  });
  it('refuse une racine inconnue dans notre espace de noms, et une version inconnue', () => {
    expect(
      erreurDe(() => identifierDocument('<facture xmlns="urn:registre:comedec:2" version="2"/>')).details.motif,
    ).toBe('document_inattendu');
    expect(erreurDe(() => identifierDocument('<rejet xmlns="urn:registre:comedec:9" version="9"/>')).code).toBe(
      'format_inconnu',
    );
  });
});
