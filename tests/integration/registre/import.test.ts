import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RapportImportSchema } from '../../../shared/contract/registre';
import { ouvrirBase, type Base } from '../../../electron/db/connexion';
import { DepotActes } from '../../../electron/registre/depot';
import { importerCsvDans } from '../../../electron/registre/import';
import { dossierTemporaire } from '../../support/app-temporaire';

const fixtures = path.resolve(__dirname, '../../fixtures/csv');
const options = { horodatage: '2025-06-05T10:00:00.000Z', aujourdhui: '2025-06-05' };

let dossier: ReturnType<typeof dossierTemporaire>;
let db: Base;
beforeEach(() => {
  dossier = dossierTemporaire('registre-import-');
  db = ouvrirBase(path.join(dossier.chemin, 'registre.db'));
});
afterEach(() => {
  db.close();
  dossier.detruire();
});

const copier = (nom: string) => {
  const cible = path.join(dossier.chemin, nom);
  fs.copyFileSync(path.join(fixtures, nom), cible);
  return cible;
};
const compter = () => db.prepare('SELECT count(*) FROM actes').pluck().get() as number;

describe('import CSV', () => {
  it('importe le fichier UTF-8 (BOM, « ; ») : naissances, mariages, décès, mentions, lieux', async () => {
    const rapport = await importerCsvDans(db, copier('actes-utf8.csv'), options);
    expect(RapportImportSchema.parse(rapport)).toBeTruthy();
    expect(rapport).toMatchObject({
      lignesLues: 10,
      actesAjoutes: 10,
      actesModifies: 0,
      actesInchanges: 0,
      lignesRejetees: 0,
      encodage: 'utf-8',
      separateur: ';',
      fichierRejets: null,
      rejets: [],
    });

    const depot = new DepotActes(db);
    expect(depot.statistiques()).toEqual({ total: 10, naissance: 5, mariage: 3, deces: 2, nonIndexes: 1 });
    const n = depot.parCle('naissance', 1987, 42)!;
    expect(n.origine).toBe('import');
    expect(n.dateEvenement).toBe('1987-03-12');
    expect(n.lieuEvenement).toEqual({ commune: 'Albi', codeInsee: '81004', departement: '81', pays: null });
    const enfant = n.personnes.find((p) => p.role === 'titulaire')!;
    expect(enfant).toMatchObject({
      nom: 'de La Fontaine',
      prenoms: ['Jean-Pierre', 'Marie'],
      sexe: 'M',
      dateNaissance: '1987-03-12',
    });
    const mere = n.personnes.find((p) => p.role === 'mere')!;
    expect(mere).toMatchObject({
      nom: "N'Diaye",
      prenoms: ['Awa'],
      dateNaissance: '1962-05-05',
      lieuNaissance: { commune: 'Dakar', pays: 'Sénégal', codeInsee: null, departement: null },
      profession: 'institutrice',
    });
    expect(n.personnes.find((p) => p.role === 'pere')!.lieuNaissance).toMatchObject({
      commune: 'Rodez',
      codeInsee: '12202',
    });
    expect(n.mentions).toEqual([
      { type: 'mariage', date: '2010-06-05', texte: 'Marié à Albi (Tarn) le 5 juin 2010 avec Éloïse Cœur' },
      { type: 'pacs', date: '2008-02-02', texte: 'Pacte civil de solidarité enregistré à Albi' },
    ]);

    const longue = depot.parCle('naissance', 1990, 7)!;
    expect(longue.personnes[0].prenoms).toHaveLength(8);
    expect(longue.lieuEvenement?.codeInsee).toBe('81004');

    const m = depot.parCle('mariage', 2010, 12)!;
    expect(m.personnes.map((p) => p.role).sort()).toEqual([
      'epoux1',
      'epoux2',
      'mere_epoux1',
      'mere_epoux2',
      'pere_epoux1',
      'pere_epoux2',
    ]);
    expect(m.personnes.find((p) => p.role === 'epoux2')).toMatchObject({
      nom: 'Cœur',
      lieuNaissance: { commune: 'Casablanca', pays: 'Maroc' },
    });
    expect(depot.parCle('mariage', 1955, 8)).toBeDefined(); // type « M »

    const d = depot.parCle('deces', 2021, 4)!; // type « décès »
    expect(d.lieuEvenement).toMatchObject({ commune: 'Lyon', departement: '69' });
    expect(depot.parCle('deces', 2019, 57)!.personnes.find((p) => p.role === 'conjoint')).toMatchObject({
      nom: 'Bénézech',
    });
    expect(depot.parCle('naissance', 1902, 15)).toMatchObject({ indexe: false, personnes: [] });
  });

  it('importe le même contenu en Windows-1252, « , », en-têtes en français', async () => {
    const octets = fs.readFileSync(path.join(fixtures, 'actes-cp1252.csv'));
    expect(octets.includes(Buffer.from([0xe9]))).toBe(true); // é in cp1252, not UTF-8
    expect(octets.includes(Buffer.from([0x9c]))).toBe(true); // œ
    const rapport = await importerCsvDans(db, copier('actes-cp1252.csv'), options);
    expect(rapport).toMatchObject({ actesAjoutes: 10, lignesRejetees: 0, encodage: 'windows-1252', separateur: ',' });
    const depot = new DepotActes(db);
    expect(depot.parCle('naissance', 1962, 3)!.personnes[0].prenoms).toEqual(['Œdipe']);
    expect(depot.parCle('mariage', 2010, 12)!.personnes.find((p) => p.role === 'epoux2')!.nom).toBe('Cœur');
    expect(depot.parCle('naissance', 2003, 118)!.mentions[1].texte).toContain('« D’Almeida Martin-Lefèvre »');
  });

  it('réimporter le même fichier ne change rien', async () => {
    await importerCsvDans(db, copier('actes-utf8.csv'), options);
    const avant = db.prepare('SELECT * FROM actes ORDER BY id').all();
    const second = await importerCsvDans(db, copier('actes-utf8.csv'), {
      ...options,
      horodatage: '2025-07-01T00:00:00.000Z',
    });
    expect(second).toMatchObject({
      lignesLues: 10,
      actesAjoutes: 0,
      actesModifies: 0,
      actesInchanges: 10,
      lignesRejetees: 0,
    });
    expect(db.prepare('SELECT * FROM actes ORDER BY id').all()).toEqual(avant);
    // The same acts in the other encoding are the same acts.
    const troisieme = await importerCsvDans(db, copier('actes-cp1252.csv'), options);
    expect(troisieme).toMatchObject({ actesInchanges: 10, actesAjoutes: 0 });
  });

  it('rejette chaque mauvaise ligne avec sa ligne, sa colonne et la raison', async () => {
    const rapport = await importerCsvDans(db, copier('actes-erreurs.csv'), options);
    expect(rapport).toMatchObject({ lignesLues: 14, actesAjoutes: 4, lignesRejetees: 10 });
    const parLigne = Object.fromEntries(rapport.rejets.map((r) => [r.ligne, r]));
    expect(Object.keys(parLigne).map(Number)).toEqual([3, 4, 5, 6, 7, 8, 12, 13, 14, 15]);
    expect(parLigne[3]).toEqual({
      ligne: 3,
      colonne: 'date_naissance',
      raison: 'le 31 février n’existe pas (février a 28 jours)',
    });
    expect(parLigne[4]).toEqual({ ligne: 4, colonne: 'nom', raison: 'le nom est obligatoire' });
    expect(parLigne[5]).toMatchObject({ colonne: 'type', raison: expect.stringContaining('« baptême » inconnu') });
    expect(parLigne[6]).toMatchObject({
      colonne: 'numero',
      raison: expect.stringContaining('figure déjà à la ligne 2 de ce fichier'),
    });
    expect(parLigne[7]).toMatchObject({ colonne: 'ligne', raison: 'la ligne a 7 colonnes, l’en-tête en a 30' });
    expect(parLigne[8]).toMatchObject({
      colonne: 'date_naissance',
      raison: 'le défunt est né après la date de son décès',
    });
    expect(parLigne[12]).toMatchObject({
      colonne: 'date_naissance_mere',
      raison: expect.stringContaining('né après son enfant'),
    });
    expect(parLigne[13].colonne).toContain('annee');
    expect(parLigne[14]).toMatchObject({
      colonne: 'mentions',
      raison: expect.stringContaining('type|jj/mm/aaaa|texte'),
    });
    expect(parLigne[15]).toMatchObject({
      colonne: 'date_mariage',
      raison: 'cette colonne ne s’applique pas à un acte de décès',
    });

    const depot = new DepotActes(db);
    expect(depot.parCle('naissance', 1995, 1)!.personnes[0].prenoms).toEqual(['Léa']); // the first of the duplicates
    expect(depot.parCle('naissance', 1999, 10)!.mentions[0].texte).toBe(
      'Rectification ; voir\njugement du 3 mars 2001',
    );
    expect(compter()).toBe(4);
  });

  it('écrit le fichier des rejets : colonnes d’origine + motif_rejet, même séparateur, même encodage', async () => {
    const fichierRejets = path.join(dossier.chemin, 'rejets', 'r.csv');
    const rapport = await importerCsvDans(db, copier('actes-erreurs.csv'), { ...options, fichierRejets });
    expect(rapport.fichierRejets).toBe(fichierRejets);
    const lignes = fs.readFileSync(fichierRejets, 'utf8').split('\r\n').filter(Boolean);
    const entete = fs.readFileSync(path.join(fixtures, 'actes-erreurs.csv'), 'utf8').split('\r\n')[0];
    expect(lignes[0]).toBe(`${entete};motif_rejet`);
    expect(lignes).toHaveLength(11);
    expect(lignes[1]).toMatch(
      /^naissance;1990;2;;;Roux;Jules;M;31\/02\/1990;Albi;.*;ligne 3 — date_naissance : le 31 février n’existe pas \(février a 28 jours\)$/,
    );
    expect(lignes[5]).toBe('naissance;1995;5;;;Michel;Ange;ligne 7 — ligne : la ligne a 7 colonnes, l’en-tête en a 30');

    // The corrected rejects file imports again: motif_rejet is ignored, fixed rows go in; the
    // row refused as a duplicate within the first file now updates the act of that key.
    const corrige = fs.readFileSync(fichierRejets, 'utf8').replace('31/02/1990', '28/02/1990');
    const fichierCorrige = path.join(dossier.chemin, 'corrige.csv');
    fs.writeFileSync(fichierCorrige, corrige);
    const second = await importerCsvDans(db, fichierCorrige, options);
    expect(second).toMatchObject({ lignesLues: 10, actesAjoutes: 1, actesModifies: 1, lignesRejetees: 8 });
    const rejetsDuCorrige = fs.readFileSync(second.fichierRejets!, 'utf8').split('\r\n');
    expect(rejetsDuCorrige[0]).toBe(`${entete};motif_rejet`);
  });

  it('écrit les rejets d’un fichier Windows-1252 en Windows-1252', async () => {
    const texte =
      'Type,Année,Numéro,Nom,Prénoms,Sexe,Date de naissance,Lieu de naissance\r\nnaissance,1990,1,Hélène,Zoé,F,30/02/1990,Albi\r\n';
    const fichier = path.join(dossier.chemin, 'x.csv');
    fs.writeFileSync(fichier, iconv.encode(texte, 'win1252'));
    const rapport = await importerCsvDans(db, fichier, options);
    expect(rapport).toMatchObject({ encodage: 'windows-1252', separateur: ',', lignesRejetees: 1 });
    const octets = fs.readFileSync(rapport.fichierRejets!);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(octets)).toThrow();
    expect(iconv.decode(octets, 'win1252')).toContain(
      'naissance,1990,1,Hélène,Zoé,F,30/02/1990,Albi,ligne 2 — date_naissance : le 30 février n’existe pas',
    );
  });

  it('annule tout si le fichier des rejets ne peut pas être écrit', async () => {
    const fichierRejets = path.join(copier('actes-utf8.csv'), 'dessous', 'rejets.csv'); // parent is a file
    await expect(importerCsvDans(db, copier('actes-erreurs.csv'), { ...options, fichierRejets })).rejects.toMatchObject(
      {
        code: 'import_invalide',
        message: expect.stringContaining('Impossible d’écrire le fichier des rejets'),
      },
    );
    expect(compter()).toBe(0);
  });

  it('refuse un fichier endommagé sans rien écrire (guillemet jamais refermé)', async () => {
    const fichier = path.join(dossier.chemin, 'casse.csv');
    const bonnes = Array.from({ length: 50 }, (_, i) => `naissance;1990;${i + 1};Petit;Léa;F;02/01/1990;Albi`);
    fs.writeFileSync(
      fichier,
      [
        'type;annee;numero;nom;prenoms;sexe;date_naissance;lieu_naissance',
        ...bonnes,
        'naissance;1990;99;"Petit;Léa;F;02/01/1990;Albi',
        ...bonnes,
      ].join('\n'),
    );
    await expect(importerCsvDans(db, fichier, options)).rejects.toMatchObject({
      code: 'import_invalide',
      message: expect.stringContaining('guillemet'),
    });
    expect(compter()).toBe(0);
    expect(db.inTransaction).toBe(false);
  });

  it('refuse un en-tête inconnu ou incomplet, un fichier vide ou absent', async () => {
    const ecrire = (nom: string, texte: string) => {
      const f = path.join(dossier.chemin, nom);
      fs.writeFileSync(f, texte);
      return f;
    };
    await expect(
      importerCsvDans(db, ecrire('a.csv', 'type;annee;numero;nom;date_naisance\n'), options),
    ).rejects.toMatchObject({
      code: 'import_invalide',
      message: expect.stringContaining('« date_naisance » (colonne 5)'),
    });
    await expect(
      importerCsvDans(db, ecrire('b.csv', 'type;annee;nom\nnaissance;1990;X\n'), options),
    ).rejects.toMatchObject({
      message: expect.stringContaining('il manque : numero'),
    });
    await expect(importerCsvDans(db, ecrire('c.csv', ''), options)).rejects.toMatchObject({
      code: 'import_invalide',
      message: 'Le fichier est vide.',
    });
    await expect(importerCsvDans(db, path.join(dossier.chemin, 'absent.csv'), options)).rejects.toMatchObject({
      code: 'import_invalide',
    });
    expect(compter()).toBe(0);
  });

  it('signale la progression, limitée dans le temps, et une dernière fois à la fin', async () => {
    const fichier = path.join(dossier.chemin, 'gros.csv');
    const lignes = Array.from({ length: 20_000 }, (_, i) => `naissance;1990;${i + 1};Petit;Léa;F;02/01/1990;Albi`);
    fs.writeFileSync(
      fichier,
      ['type;annee;numero;nom;prenoms;sexe;date_naissance;lieu_naissance', ...lignes].join('\n'),
    );
    const progressions: { octetsLus: number; octetsTotal: number; lignesLues: number }[] = [];
    await importerCsvDans(db, fichier, {
      ...options,
      intervalleProgressionMs: 0,
      onProgression: (p) => progressions.push(p),
    });
    expect(progressions.length).toBeGreaterThan(10);
    const derniere = progressions.at(-1)!;
    expect(derniere).toMatchObject({
      lignesLues: 20_000,
      octetsLus: fs.statSync(fichier).size,
      octetsTotal: fs.statSync(fichier).size,
    });
    for (let i = 1; i < progressions.length; i++)
      expect(progressions[i].lignesLues).toBeGreaterThanOrEqual(progressions[i - 1].lignesLues);

    const rares: { lignesLues: number }[] = [];
    await importerCsvDans(db, fichier, {
      ...options,
      intervalleProgressionMs: 60_000,
      onProgression: (p) => rares.push(p),
    });
    // throttled: the first line (progress shows at once, not "Démarrage…" for seconds), then the final one
    expect(rares.map((p) => p.lignesLues)).toEqual([1, 20_000]);
  });
});
