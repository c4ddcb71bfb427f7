import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { estOrigineApplication, preferencesWeb } from '../../electron/shell/preferences';
import { CSP } from '../../shared/securite';
import { racine } from '../support/frontieres';

describe('coquille Electron : réglages de sécurité', () => {
  it('isole le renderer : contextIsolation, sandbox, pas de nodeIntegration, pas de webview', () => {
    const p = preferencesWeb('/x/preload.cjs');
    expect(p).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('n’accepte que sa propre origine', () => {
    expect(estOrigineApplication('registre://app/index.html')).toBe(true);
    expect(estOrigineApplication('registre://appx/index.html')).toBe(false);
    expect(estOrigineApplication('https://exemple.fr/')).toBe(false);
    expect(estOrigineApplication('file:///etc/passwd')).toBe(false);
  });

  it('a une CSP stricte : aucun script en ligne, aucune origine extérieure', () => {
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toMatch(/script-src[^;]*unsafe/);
    expect(CSP).toContain("object-src 'none'");
    expect(CSP).not.toMatch(/https?:/);
  });

  it('la coquille verrouille navigation, nouvelles fenêtres, webviews et permissions', () => {
    const main = fs.readFileSync(path.join(racine, 'electron/shell/main.ts'), 'utf8');
    for (const attendu of ['requestSingleInstanceLock', "'will-navigate'", 'setWindowOpenHandler', "'will-attach-webview'", 'setPermissionRequestHandler', 'enableSandbox'])
      expect(main).toContain(attendu);
    const index = path.join(racine, 'renderer/index.html');
    if (fs.existsSync(index)) expect(fs.readFileSync(index, 'utf8')).toContain('Content-Security-Policy');
  });
});
