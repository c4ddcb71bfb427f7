import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ouvrirBase } from '../../../electron/db/connexion';
import { CODES_SORTIE } from '../../../electron/cli/codes-sortie';
import { dossierTemporaire } from '../../support/app-temporaire';
import { registreCli } from '../../support/cli';
import { acteConnu, ajouterActes, demandeConnue, xmlDemande } from './outils';

// `registre match --request` fed what an independent run used against it (issue 14): each
// refusal is one short clean line on stderr, nothing on stdout, and the exit code of its kind.
const valide = () => xmlDemande(demandeConnue(2));

const hostiles: [string, () => string, number][] = [
  ['nom avec &#0;', () => valide().replace(/<nom>[^<]*/, '<nom>ND&#0;IAYE'), CODES_SORTIE.documentRefuse],
  ['date impossible', () => valide().replace(/<dateNaissance>[^<]*/, '<dateNaissance>0000-00-00'), 3],
  ['54 000 niveaux', () => '<x xmlns:p="u">'.repeat(54_000) + '</x>'.repeat(54_000), 3],
  [
    'espace de noms qui écrit sur le terminal',
    () => valide().replace('urn:registre:comedec:2', 'urn:registre:comedec:&#x1B;[2J&#x1B;[31mPIRATE&#x1B;[0m'),
    3,
  ],
  [
    'espace de noms qui forge une ligne',
    () => valide().replace('urn:registre:comedec:2', 'urn:x&#10;registre : Document accepté&#10;'),
    3,
  ],
  [
    'espace de noms inconnu de 9 000 caractères',
    () => valide().replace('urn:registre:comedec:2', `urn:registre:comedec:${'9'.repeat(9000)}`),
    CODES_SORTIE.versionInconnue,
  ],
];

describe('registre match : documents hostiles', () => {
  const dossier = dossierTemporaire('registre-match-hostile-');
  const cwd = dossier.chemin;
  afterAll(() => dossier.detruire());

  beforeAll(() => {
    const db = ouvrirBase(path.join(cwd, 'registre.db'));
    ajouterActes(db, acteConnu);
    db.close();
    hostiles.forEach(([, texte], i) => fs.writeFileSync(path.join(cwd, `h${i}.xml`), texte()));
    fs.writeFileSync(path.join(cwd, 'valide.xml'), valide());
  });

  // One process per case (about 10 s each on a loaded 2-core machine): the cases the issue
  // names for the terminal; the reader's other refusals are unit-tested in process.
  it.each(hostiles.map(([cas, , code], i) => [cas, i, code] as const))(
    '%s : une ligne courte et propre sur stderr, rien sur stdout, le code de son genre',
    async (cas, i, code) => {
      const r = await registreCli(cwd, ['match', '--db', 'registre.db', '--request', `h${i}.xml`]);
      expect(r.code).toBe(code);
      expect(r.stdout).toBe('');
      expect(r.stderr.length).toBeLessThan(400);
      expect(r.stderr.split('\n').length).toBe(2); // one line and its final line break
      expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(r.stderr).not.toContain('Erreur interne');
      expect(r.stderr).toMatch(/^registre : (Document COMEDEC invalide|Version de format inconnue)/);
    },
  );

  it('le document valide passe (code 0)', async () => {
    expect((await registreCli(cwd, ['match', '--db', 'registre.db', '--request', 'valide.xml'])).code).toBe(0);
  });

  it('fichier absent : garde son code (1)', async () => {
    const absent = await registreCli(cwd, ['match', '--db', 'registre.db', '--request', 'absent.xml']);
    expect(absent.code).toBe(CODES_SORTIE.echec);
  });
});
