import path from 'node:path';
import { BrowserWindow } from 'electron';
import { ORIGINE } from './preferences';

/**
 * The one window. Its webPreferences are written out literally here (not built by a helper)
 * so that the security scanner run by the tests (electronegativity) can read every flag.
 */
export function creerFenetre(dossierCompile: string): BrowserWindow {
  const fenetre = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: 'Registre',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: path.join(dossierCompile, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  fenetre.once('ready-to-show', () => fenetre.show());
  void fenetre.loadURL(`${ORIGINE}/index.html`);
  return fenetre;
}
