import path from 'node:path';
import { BrowserWindow } from 'electron';
import { ORIGINE, preferencesWeb } from './preferences';

export function creerFenetre(dossierCompile: string): BrowserWindow {
  const fenetre = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: 'Registre',
    show: false,
    autoHideMenuBar: true,
    webPreferences: preferencesWeb(path.join(dossierCompile, 'preload.cjs')),
  });
  fenetre.once('ready-to-show', () => fenetre.show());
  void fenetre.loadURL(`${ORIGINE}/index.html`);
  return fenetre;
}
