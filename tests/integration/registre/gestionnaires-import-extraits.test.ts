import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { appTemporaire } from '../../support/app-temporaire';
import { lignesPdf } from '../../support/texte-pdf';
import { horlogeFixe } from '../../../electron/horloge';
import type { RapportImport } from '../../../shared/contract/registre';

const fixtures = path.resolve(__dirname, '../../fixtures/csv');
const albi = { nom: 'Albi', codeInsee: '81004', departement: '81', emailFonctionnel: 'etat-civil@mairie-albi.fr' };
const base64 = (nom: string) => fs.readFileSync(path.join(fixtures, nom)).toString('base64');

let app: ReturnType<typeof appTemporaire>;
afterEach(() => app?.detruire());

async function valeur<T>(p: Promise<unknown>): Promise<T> {
  const r = (await p) as { ok: boolean; valeur?: T; erreur?: unknown };
  if (!r.ok) throw new Error(JSON.stringify(r.erreur));
  return r.valeur as T;
}

describe('registre.importer et registre.rejetsImport', () => {
  it('importe dans le travailleur, émet la progression puis registre.modifie, garde les rejets', async () => {
    app = appTemporaire({ horloge: horlogeFixe('2025-06-05T10:00:00Z') });
    const evenements: { nom: string; charge: unknown }[] = [];
    app.bus.abonner((nom, charge) => evenements.push({ nom, charge }));

    const rapport = await valeur<RapportImport>(
      app.repartir('registre.importer', { nomFichier: 'erreurs.csv', contenuBase64: base64('actes-erreurs.csv') }),
    );
    expect(rapport).toMatchObject({ lignesLues: 14, actesAjoutes: 4, lignesRejetees: 10 });
    expect(rapport.importId).toMatch(/^20250605100000-[0-9a-f]{8}$/);
    expect(rapport.fichierRejets).toBe(path.join(app.dossier, 'imports', `${rapport.importId}-rejets.csv`));
    expect(fs.readdirSync(path.join(app.dossier, 'imports'))).toEqual([`${rapport.importId}-rejets.csv`]); // the uploaded CSV is gone

    const progressions = evenements.filter((e) => e.nom === 'registre.importProgression');
    expect(progressions.at(-1)?.charge).toMatchObject({
      importId: rapport.importId,
      nomFichier: 'erreurs.csv',
      lignesLues: 14,
      lignesRejetees: 10,
    });
    expect(evenements.at(-1)).toEqual({ nom: 'registre.modifie', charge: { raison: 'import' } });

    const stats = await valeur<{ total: number }>(app.repartir('registre.statistiques', {}));
    expect(stats.total).toBe(4);

    const rejets = await valeur<{ nomFichier: string; contenu: string }>(
      app.repartir('registre.rejetsImport', { importId: rapport.importId }),
    );
    expect(rejets.nomFichier).toBe(`rejets-${rapport.importId}.csv`);
    expect(rejets.contenu.split('\r\n')[0]).toMatch(/^type;annee;numero;.*;motif_rejet$/);
    expect(rejets.contenu).toContain('ligne 3 — date_naissance : le 31 février n’existe pas');

    expect(await app.repartir('registre.rejetsImport', { importId: 'inconnu' })).toMatchObject({
      ok: false,
      erreur: { code: 'introuvable' },
    });
    expect(await app.repartir('registre.rejetsImport', { importId: '../../x' })).toMatchObject({
      ok: false,
      erreur: { code: 'saisie_invalide' },
    });
  });

  it('réimporter ne change rien et n’émet pas registre.modifie', async () => {
    app = appTemporaire();
    await valeur(app.repartir('registre.importer', { nomFichier: 'a.csv', contenuBase64: base64('actes-cp1252.csv') }));
    const noms: string[] = [];
    app.bus.abonner((nom) => noms.push(nom));
    const second = await valeur<RapportImport>(
      app.repartir('registre.importer', { nomFichier: 'a.csv', contenuBase64: base64('actes-utf8.csv') }),
    );
    expect(second).toMatchObject({ actesInchanges: 10, actesAjoutes: 0, actesModifies: 0, fichierRejets: null });
    expect(noms).not.toContain('registre.modifie');
  });

  it('refuse un fichier vide ou illisible en français, sans rien toucher', async () => {
    app = appTemporaire();
    expect(await app.repartir('registre.importer', { nomFichier: 'vide.csv', contenuBase64: '' })).toMatchObject({
      ok: false,
      erreur: { code: 'import_invalide' },
    });
    const r = await app.repartir('registre.importer', {
      nomFichier: 'x.csv',
      contenuBase64: Buffer.from('nom;prenoms\nDupont;Jean\n').toString('base64'),
    });
    expect(r).toMatchObject({
      ok: false,
      erreur: { code: 'import_invalide', message: expect.stringContaining('il manque : type, annee, numero') },
    });
  });
});

describe('registre.extrait et registre.extraitPdf', () => {
  async function appAvecActes() {
    app = appTemporaire({ horloge: horlogeFixe('2025-06-05T10:00:00Z') });
    await valeur(app.repartir('registre.importer', { nomFichier: 'a.csv', contenuBase64: base64('actes-utf8.csv') }));
    const resultats = await valeur<{ resultats: { id: number; type: string; annee: number; numero: number }[] }>(
      app.repartir('registre.rechercher', { texte: 'Fontaine', limite: 10 }),
    );
    const id = (type: string, annee: number) =>
      resultats.resultats.find((r) => r.type === type && r.annee === annee)!.id;
    return { naissance: id('naissance', 1987), mariage: id('mariage', 2010) };
  }

  it('demande d’abord l’identité de la commune', async () => {
    const { naissance } = await appAvecActes();
    const r = await app.repartir('registre.extrait', { id: naissance, sorte: 'avec-filiation' });
    expect(r).toMatchObject({
      ok: false,
      erreur: { code: 'conflit', message: expect.stringContaining('identité de la commune') },
    });
  });

  it('délivre les extraits en texte et en PDF', async () => {
    const { naissance, mariage } = await appAvecActes();
    await valeur(app.repartir('parametres.enregistrerCommune', albi));

    const texte = await valeur<{ sorte: string; titre: string; texte: string }>(
      app.repartir('registre.extrait', { id: naissance, sorte: 'avec-filiation' }),
    );
    expect(texte.titre).toBe('EXTRAIT D’ACTE DE NAISSANCE AVEC FILIATION');
    expect(texte.texte).toContain('Mairie d’Albi (Tarn)');
    expect(texte.texte).toContain('Jean-Pierre Marie DE LA FONTAINE');
    expect(texte.texte).toContain('Pour extrait conforme, délivré à Albi, le 5 juin 2025.');

    const pdf = await valeur<{ nomFichier: string; pdfBase64: string }>(
      app.repartir('registre.extraitPdf', { id: mariage, sorte: 'copie-integrale' }),
    );
    expect(pdf.nomFichier).toBe('copie-integrale-mariage-2010-12.pdf');
    const octets = Buffer.from(pdf.pdfBase64, 'base64');
    expect((await PDFDocument.load(octets)).getTitle()).toBe('COPIE INTÉGRALE D’ACTE DE MARIAGE');
    const lignes = (await lignesPdf(octets)).join(' ');
    expect(lignes).toContain('Le cinq juin deux mille dix à Albi (81)');
    expect(lignes).toContain('Éloïse CŒUR, pédiatre');
  });

  it('refuse un extrait d’acte de décès et un acte inconnu', async () => {
    await appAvecActes();
    await valeur(app.repartir('parametres.enregistrerCommune', albi));
    const deces = await valeur<{ resultats: { id: number; type: string }[] }>(
      app.repartir('registre.rechercher', { texte: 'Dupré', limite: 5 }),
    );
    const id = deces.resultats.find((r) => r.type === 'deces')!.id;
    expect(await app.repartir('registre.extrait', { id, sorte: 'sans-filiation' })).toMatchObject({
      ok: false,
      erreur: { code: 'saisie_invalide', details: { champ: 'sorte' } },
    });
    expect(await app.repartir('registre.extraitPdf', { id, sorte: 'copie-integrale' })).toMatchObject({ ok: true });
    expect(await app.repartir('registre.extrait', { id: 999_999, sorte: 'copie-integrale' })).toMatchObject({
      ok: false,
      erreur: { code: 'introuvable' },
    });
  });
});
