import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { racine } from '../support/frontieres';

// Electron's binary cannot run here, but its bundles can be built and loaded: this catches a
// main process or preload that would not even start on a user's machine.
describe('paquets Electron (main, preload, travailleurs)', () => {
  it('se construisent et le processus principal se charge', () => {
    execFileSync(process.execPath, ['build/bundle-electron.mjs'], { cwd: racine, stdio: 'pipe' });
    for (const f of ['main.cjs', 'preload.cjs', 'import-travailleur.cjs'])
      expect(fs.existsSync(path.join(racine, 'dist-electron', f)), f).toBe(true);
    const sortie = execFileSync(
      process.execPath,
      ['tests/support/charger-main-electron.cjs', path.join(racine, 'dist-electron/main.cjs')],
      {
        cwd: racine,
        encoding: 'utf8',
      },
    );
    expect(sortie).toContain('quit = true');
    // The sandboxed preload may only require 'electron': anything else would fail at run time.
    const preload = fs.readFileSync(path.join(racine, 'dist-electron/preload.cjs'), 'utf8');
    const requis = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(requis)]).toEqual(['electron']);
  }, 120_000);
});
