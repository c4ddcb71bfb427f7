import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseApplication } from '../../../electron/cli/base-application';

/** Where `registre sign` finds the app's register (and its directory of agents) without --db. */
const racine = fs.mkdtempSync(path.join(os.tmpdir(), 'base-application-'));
afterAll(() => fs.rmSync(racine, { recursive: true, force: true }));

function base(dossier: string): string {
  fs.mkdirSync(dossier, { recursive: true });
  const f = path.join(dossier, 'registre.db');
  fs.writeFileSync(f, '');
  return f;
}

describe('baseApplication : la base de l’application, sans --db', () => {
  it('REGISTRE_DONNEES d’abord ; rien quand le dossier n’a pas de registre', () => {
    expect(baseApplication({ REGISTRE_DONNEES: path.join(racine, 'vide') }, 'linux')).toBeNull();
    const f = base(path.join(racine, 'donnees'));
    expect(baseApplication({ REGISTRE_DONNEES: path.join(racine, 'donnees') }, 'linux')).toBe(f);
  });

  it('sinon le dossier de l’application de bureau : « Registre » installée, « registre » depuis les sources', () => {
    const xdg = path.join(racine, 'config');
    expect(baseApplication({ XDG_CONFIG_HOME: xdg }, 'linux')).toBeNull();
    const sources = base(path.join(xdg, 'registre'));
    expect(baseApplication({ XDG_CONFIG_HOME: xdg }, 'linux')).toBe(sources);
    const installee = base(path.join(xdg, 'Registre'));
    expect(baseApplication({ XDG_CONFIG_HOME: xdg }, 'linux')).toBe(installee);
    const appdata = path.join(racine, 'appdata');
    const windows = base(path.join(appdata, 'Registre'));
    expect(baseApplication({ APPDATA: appdata }, 'win32')).toBe(windows);
  });
});
