import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fichiersSources, racine, verifierImports, verifierTexte, VIOLATIONS_CONNUES } from '../support/frontieres';

const lire = (f: string) => fs.readFileSync(path.join(racine, f), 'utf8');

// Process boundaries are visible in paths, and this test keeps them so:
// renderer -> shared only; shared -> pure packages only; electron/ (but shell/) never imports electron.
describe('frontières entre processus', () => {
  for (const zone of ['renderer', 'shared', 'electron']) {
    it(`${zone}/ respecte ses frontières`, () => {
      const fichiers = fichiersSources(zone);
      expect(fichiers.length).toBeGreaterThan(0);
      const violations = fichiers.flatMap((f) => verifierImports(f, lire(f), { tolerees: VIOLATIONS_CONNUES }));
      expect(violations).toEqual([]);
    });
  }

  it('la règle attrape chaque sorte de violation', () => {
    expect(verifierImports('renderer/src/x.tsx', "import fs from 'node:fs';").length).toBeGreaterThan(0);
    expect(verifierImports('renderer/src/x.tsx', "import { app } from 'electron';").length).toBeGreaterThan(0);
    expect(
      verifierImports('renderer/src/x.tsx', "import { creerApp } from '../../electron/app';").length,
    ).toBeGreaterThan(0);
    expect(verifierImports('renderer/src/x.tsx', "const m = await import('better-sqlite3');").length).toBeGreaterThan(
      0,
    );
    expect(verifierImports('shared/x.ts', "import path from 'path';").length).toBeGreaterThan(0);
    expect(verifierImports('shared/x.ts', "import { journal } from '../electron/journal';").length).toBeGreaterThan(0);
    expect(verifierImports('electron/registre/x.ts', "import { ipcMain } from 'electron';").length).toBeGreaterThan(0);
    expect(verifierImports('electron/registre/x.ts', "const e = require('electron');").length).toBeGreaterThan(0);
    expect(verifierImports('electron/registre/x.ts', "import type { App } from 'electron';").length).toBeGreaterThan(0);
    // allowed
    expect(verifierImports('electron/shell/main.ts', "import { app } from 'electron';")).toEqual([]);
    expect(
      verifierImports(
        'renderer/src/x.tsx',
        "import { z } from 'zod'; import { api } from './api'; import { erreurs } from '../../shared/errors';",
      ),
    ).toEqual([]);
  });
});

// Rooms: a folder directly under electron/, and the sandbox as a whole, are entered only by their
// index.ts; electron/ reaches the sandbox only from its composition file (app.ts).
describe('pièces et bac à sable', () => {
  it('sandbox/ respecte ses frontières', () => {
    const fichiers = fichiersSources('sandbox');
    expect(fichiers.length).toBeGreaterThan(0);
    expect(fichiers.flatMap((f) => verifierImports(f, lire(f)))).toEqual([]);
  });

  it('electron/ ne nomme le bac à sable que dans app.ts, et seule electron/demandes/ touche la table demandes', () => {
    const violations = fichiersSources('electron').flatMap((f) =>
      verifierTexte(f, lire(f), { tolerees: VIOLATIONS_CONNUES }),
    );
    expect(violations).toEqual([]);
  });

  it('chaque pièce de electron/ a sa façade index.ts', () => {
    const pieces = fs
      .readdirSync(path.join(racine, 'electron'), { withFileTypes: true })
      // shell/ holds the Electron entry points (main, preload): nothing imports it, it has no face.
      .filter((e) => e.isDirectory() && e.name !== 'shell')
      .map((e) => e.name);
    for (const p of pieces)
      expect(fs.existsSync(path.join(racine, 'electron', p, 'index.ts')), `electron/${p}/index.ts`).toBe(true);
  });

  it('la règle attrape chaque sorte de violation', () => {
    // past a room's face, from another room, from the sandbox, from a top-level file
    expect(verifierImports('electron/sync/x.ts', "import { ouvrirBase } from '../db/connexion';")).toHaveLength(1);
    expect(
      verifierImports('electron/sync/plateforme/x.ts', "import { x509 } from '../../signature/certificats';"),
    ).toHaveLength(1);
    expect(
      verifierImports('sandbox/services/x.ts', "import { lireReponse } from '../../electron/comedec/format';"),
    ).toHaveLength(1);
    expect(verifierImports('electron/contexte.ts', "import type { Base } from './db/connexion';")).toHaveLength(1);
    expect(
      verifierImports('electron/cli/x.ts', "const { verifierXades } = await import('../signature/xades-verifier');"),
    ).toHaveLength(1);
    expect(verifierImports('electron/sync/x.ts', "export { DepotActes } from '../registre/depot';")).toHaveLength(1);
    // the sandbox entered past its face, from the app
    expect(
      verifierImports(
        'electron/sync/plateforme/x.ts',
        "import { demarrerPlateformeFormation } from '../../../sandbox/formation';",
      ).length,
    ).toBeGreaterThan(0);
    // the sandbox through its face, but not from the composition file
    expect(verifierImports('electron/sync/x.ts', "import { demarrerPlateforme } from '../../sandbox';")).toHaveLength(
      1,
    );
    expect(
      verifierImports(
        'electron/cli/commandes/x.ts',
        "import type { PlateformeDemarree } from '../../../sandbox/index';",
      ),
    ).toHaveLength(1);
    // the text checks: a comment naming the sandbox, SQL on the requests' table outside their room
    expect(verifierTexte('electron/sync/x.ts', '// started by sandbox/formation.ts')).toHaveLength(1);
    expect(verifierTexte('electron/sync/x.ts', "db.prepare('UPDATE demandes SET cycle = ?')")).toHaveLength(1);
    expect(
      verifierTexte(
        'electron/registre/x.ts',
        "db.prepare('SELECT id FROM demandes'); db.prepare('INSERT INTO demandes ...')",
      ),
    ).toHaveLength(2);
    // a known violation is tolerated only where it is listed
    const listee = [['electron/sync/envoi.ts', 'electron/db/connexion']] as const;
    expect(
      verifierImports('electron/sync/envoi.ts', "import { ouvrirBase } from '../db/connexion';", { tolerees: listee }),
    ).toEqual([]);
    expect(
      verifierImports('electron/sync/autre.ts', "import { ouvrirBase } from '../db/connexion';", { tolerees: listee }),
    ).toHaveLength(1);
    // the real tree tolerates nothing
    expect(VIOLATIONS_CONNUES).toEqual([]);

    // allowed: a room's face (folder or index), inside a room, top-level single modules, the composition file
    expect(
      verifierImports(
        'electron/sync/x.ts',
        "import { ouvrirBase } from '../db'; import { x509 } from '../signature/index';",
      ),
    ).toEqual([]);
    expect(
      verifierImports(
        'electron/sync/plateforme/x.ts',
        "import { AdaptateurBacASable } from '../plateforme/bac-a-sable'; import { journal } from '../../journal';",
      ),
    ).toEqual([]);
    expect(
      verifierImports(
        'sandbox/services/x.ts',
        "import { lireReponse } from '../../electron/comedec'; import { rejeter } from '../rejets';",
      ),
    ).toEqual([]);
    expect(verifierImports('electron/app.ts', "import { demarrerPlateformeFormation } from '../sandbox';")).toEqual([]);
    expect(verifierImports('electron/shell/preload.ts', "import { creerPont } from '../contrat/pont';")).toEqual([]);
    expect(
      verifierTexte('electron/app.ts', "import { demarrerPlateformeFormation } from '../sandbox'; // sandbox/index.ts"),
    ).toEqual([]);
    expect(verifierTexte('electron/demandes/depot.ts', "db.prepare('UPDATE demandes SET cycle = ?')")).toEqual([]);
  });
});
