import { describe, expect, it } from 'vitest';
import { contenuSelonForme, construireReponse, formeAttendue, lireReponse } from '../../../electron/comedec/format';
import { acteNaissance, AUSSILLON, erreurDe, reponseExemple } from './exemples';

const SIGNATURE = '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo/></ds:Signature>';

describe('format d’échange : réponse', () => {
  it.each([1, 2] as const)('réponse positive version %i : aller-retour, attribut Id sur la racine', (v) => {
    const xml = construireReponse(reponseExemple(v));
    expect(xml).toMatch(/<reponse [^>]*Id="REP-7f3a"/);
    const r = lireReponse(xml);
    expect(r.version).toBe(v);
    expect(r.id).toBe('REP-7f3a');
    expect(r.demandeId).toBe('DEM-2024-000123');
    if (r.resultat.nature !== 'positive') throw new Error('positive attendue');
    expect(r.resultat.forme).toBe('copie_integrale');
    expect(r.resultat.acte.personnes).toHaveLength(3);
    expect(r.resultat.acte.personnes[1].profession).toBe('mécanicien');
    expect(r.resultat.acte.mentions[0]).toEqual(acteNaissance.mentions[0]);
    expect(construireReponse(r)).toBe(xml);
  });

  it.each(['acte_non_detenu', 'donnees_insuffisantes'] as const)('réponse négative : %s', (motif) => {
    const xml = construireReponse({
      ...reponseExemple(),
      resultat: { nature: 'negative', motif, commentaire: 'Registre 1987 vérifié.' },
    });
    const r = lireReponse(xml);
    expect(r.resultat).toEqual({ nature: 'negative', motif, commentaire: 'Registre 1987 vérifié.' });
  });

  it('motif négatif inconnu refusé', () => {
    const xml = construireReponse({ ...reponseExemple(), resultat: { nature: 'negative', motif: 'acte_non_detenu' } });
    const e = erreurDe(() => lireReponse(xml.replace('acte_non_detenu', 'pas_le_temps')));
    expect(e.details.champ).toBe('resultat.motif');
  });

  it('une signature XML (ds:Signature) est permise sous la racine, une seule', () => {
    const xml = construireReponse(reponseExemple());
    expect(lireReponse(xml.replace('</reponse>', `${SIGNATURE}</reponse>`)).id).toBe('REP-7f3a');
    const e = erreurDe(() => lireReponse(xml.replace('</reponse>', `${SIGNATURE}${SIGNATURE}</reponse>`)));
    expect(e.message).toContain('une seule');
    // …but not inside the act.
    const e2 = erreurDe(() => lireReponse(xml.replace('</acte>', `${SIGNATURE}</acte>`)));
    expect(e2.details.champ).toBe('positive.acte.Signature');
  });

  it('positive et négative à la fois, ou aucune des deux : refusé', () => {
    const xml = construireReponse(reponseExemple());
    expect(
      erreurDe(() => lireReponse(xml.replace('</positive>', '</positive><negative motif="acte_non_detenu"/>'))).details
        .champ,
    ).toBe('resultat');
    expect(erreurDe(() => lireReponse(xml.replace(/<positive[\s\S]*<\/positive>/, ''))).details.champ).toBe('resultat');
  });

  it.each([
    ['numéro non entier', (x: string) => x.replace('numero="42"', 'numero="4a"'), 'resultat.acte.numero'],
    ['numéro négatif', (x: string) => x.replace('numero="42"', 'numero="-1"'), 'resultat.acte.numero'],
    ['année avant 1792', (x: string) => x.replace('annee="1987"', 'annee="1700"'), 'resultat.acte.annee'],
    ['rôle inconnu', (x: string) => x.replace('role="pere"', 'role="parrain"'), 'resultat.acte.personnes.1.role'],
    ['forme inconnue', (x: string) => x.replace('forme="copie_integrale"', 'forme="photocopie"'), 'resultat.forme'],
    [
      'type de mention inconnu',
      (x: string) => x.replace('type="mariage"', 'type="bapteme"'),
      'resultat.acte.mentions.0.type',
    ],
    ['Id absent', (x: string) => x.replace(' Id="REP-7f3a"', ''), 'Id'],
    ['Id qui n’est pas un NCName', (x: string) => x.replace('Id="REP-7f3a"', 'Id="7 f"'), 'id'],
    ['demande absente', (x: string) => x.replace(' demande="DEM-2024-000123"', ''), 'demande'],
    ['commune absente', (x: string) => x.replace(/<commune [^>]*\/>/, ''), 'commune'],
  ])('refus : %s', (_c, alterer, champ) => {
    const e = erreurDe(() => lireReponse(alterer(construireReponse(reponseExemple()))));
    expect(e.code).toBe('saisie_invalide');
    expect(e.details.champ).toBe(champ);
  });

  it('un document d’un autre type est refusé (document_inattendu)', () => {
    const e = erreurDe(() => lireReponse(construireReponse(reponseExemple()).replace(/reponse/g, 'accuseReception')));
    expect(e.details.motif).toBe('document_inattendu');
  });
});

describe('forme de la réponse positive', () => {
  it('identité (Intérieur) et autres organismes : extrait avec filiation ; notaire et commune : copie intégrale', () => {
    expect(formeAttendue('interieur')).toBe('extrait_avec_filiation');
    expect(formeAttendue('autre')).toBe('extrait_avec_filiation');
    expect(formeAttendue('notaire')).toBe('copie_integrale');
    expect(formeAttendue('commune')).toBe('copie_integrale');
  });

  it('copie intégrale : tout ce que tient le registre', () => {
    const personnes = acteNaissance.personnes.map((p) => ({
      dateNaissance: null,
      lieuNaissance: null,
      profession: null,
      ...p,
    }));
    const c = contenuSelonForme({ ...acteNaissance, personnes, lieuEvenement: null }, 'copie_integrale');
    expect(c.personnes.map((p) => p.profession)).toEqual([null, 'mécanicien', 'institutrice']);
  });

  it('extrait avec filiation : titulaire, parents et mentions ; ni professions, ni autres personnes', () => {
    const personnes = [
      ...acteNaissance.personnes,
      { role: 'conjoint' as const, nom: 'ROUSSEL', prenoms: ['Paul'] },
    ].map((p) => ({ sexe: null, dateNaissance: null, lieuNaissance: null, profession: null, ...p }));
    const deces = {
      ...acteNaissance,
      type: 'deces' as const,
      personnes,
      dateActe: null,
      dateEvenement: null,
      lieuEvenement: null,
    };
    const e = contenuSelonForme(deces, 'extrait_avec_filiation');
    expect(e.personnes.map((p) => p.role)).toEqual(['titulaire', 'pere', 'mere']);
    expect(e.personnes.every((p) => p.profession === null)).toBe(true);
    expect(e.mentions).toHaveLength(1);
    // The register's act is left untouched.
    expect(personnes[1].profession).toBe('mécanicien');
  });

  it('extrait d’un acte de mariage : les deux époux et leurs parents', () => {
    const p = (role: string, nom: string) =>
      ({ role, nom, prenoms: ['X'], sexe: null, dateNaissance: null, lieuNaissance: null, profession: 'p' }) as never;
    const mariage = {
      type: 'mariage' as const,
      annee: 2012,
      numero: 3,
      dateActe: null,
      dateEvenement: null,
      lieuEvenement: null,
      mentions: [],
      personnes: [p('epoux1', 'A'), p('epoux2', 'B'), p('pere_epoux1', 'C'), p('mere_epoux2', 'D')],
    };
    const e = contenuSelonForme(mariage, 'extrait_avec_filiation');
    expect(e.personnes.map((x) => x.role)).toEqual(['epoux1', 'epoux2', 'pere_epoux1', 'mere_epoux2']);
    const r = construireReponse({
      version: 2,
      id: 'R1',
      demandeId: 'D1',
      commune: AUSSILLON,
      emiseLe: '2024-01-01T00:00:00.000Z',
      resultat: { nature: 'positive', forme: 'extrait_avec_filiation', acte: e },
    });
    expect(r).not.toContain('<profession>');
  });
});
