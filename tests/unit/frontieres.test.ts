import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fichiersSources, racine, verifierImports } from '../support/frontieres';

// Process boundaries are visible in paths, and this test keeps them so:
// renderer -> shared only; shared -> pure packages only; electron/ (but shell/) never imports electron.
describe('frontières entre processus', () => {
  for (const zone of ['renderer', 'shared', 'electron']) {
    it(`${zone}/ respecte ses frontières`, () => {
      const fichiers = fichiersSources(zone);
      expect(fichiers.length).toBeGreaterThan(0);
      const violations = fichiers.flatMap((f) => verifierImports(f, fs.readFileSync(path.join(racine, f), 'utf8')));
      expect(violations).toEqual([]);
    });
  }

  it('la règle attrape chaque sorte de violation', () => {
    expect(verifierImports('renderer/src/x.tsx', "import fs from 'node:fs';").length).toBeGreaterThan(0);
    expect(verifierImports('renderer/src/x.tsx', "import { app } from 'electron';").length).toBeGreaterThan(0);
    expect(verifierImports('renderer/src/x.tsx', "import { creerApp } from '../../electron/app';").length).toBeGreaterThan(0);
    expect(verifierImports('renderer/src/x.tsx', "const m = await import('better-sqlite3');").length).toBeGreaterThan(0);
    expect(verifierImports('shared/x.ts', "import path from 'path';").length).toBeGreaterThan(0);
    expect(verifierImports('shared/x.ts', "import { journal } from '../electron/journal';").length).toBeGreaterThan(0);
    expect(verifierImports('electron/registre/x.ts', "import { ipcMain } from 'electron';").length).toBeGreaterThan(0);
    expect(verifierImports('electron/registre/x.ts', "const e = require('electron');").length).toBeGreaterThan(0);
    expect(verifierImports('electron/registre/x.ts', "import type { App } from 'electron';").length).toBeGreaterThan(0);
    // allowed
    expect(verifierImports('electron/shell/main.ts', "import { app } from 'electron';")).toEqual([]);
    expect(verifierImports('renderer/src/x.tsx', "import { z } from 'zod'; import { api } from './api'; import { erreurs } from '../../shared/errors';")).toEqual([]);
  });
});
