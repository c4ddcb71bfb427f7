// The Electron main process: the thin glue. All behaviour is in electron/app.ts and the services.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, net, protocol, session } from 'electron';
import { creerApp, type App } from '../app';
import { lierIpc } from '../contrat';
import { CSP } from '../../shared/securite';
import { creerFenetre } from './fenetre';
import { estOrigineApplication, SCHEMA } from './preferences';

const dossierCompile = __dirname; // dist-electron/
const dossierRenderer = path.resolve(dossierCompile, '../dist/renderer');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  demarrer();
}

function demarrer(): void {
  let registre: App | undefined;
  let fenetre: BrowserWindow | undefined;

  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([
    { scheme: SCHEMA, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);

  app.on('second-instance', () => {
    if (!fenetre) return;
    if (fenetre.isMinimized()) fenetre.restore();
    fenetre.focus();
  });

  // Every web contents: no navigation away, no new windows, no webviews, no permissions.
  app.on('web-contents-created', (_e, contenu) => {
    contenu.on('will-navigate', (e, url) => {
      if (!estOrigineApplication(url)) e.preventDefault();
    });
    contenu.on('will-redirect', (e) => e.preventDefault());
    contenu.on('will-attach-webview', (e) => e.preventDefault());
    // The act editor asks before closing with unsaved changes (beforeunload); Electron needs
    // the question asked here, or closing would be blocked silently.
    contenu.on('will-prevent-unload', (e) => {
      const choix = dialog.showMessageBoxSync({
        type: 'question',
        buttons: ['Rester', 'Quitter sans enregistrer'],
        defaultId: 0,
        cancelId: 0,
        title: 'Registre',
        message: 'Une saisie n’est pas enregistrée.',
        detail: 'Le brouillon reste gardé et sera proposé à la prochaine ouverture.',
      });
      if (choix === 1) e.preventDefault();
    });
    // No new window, ever: the app has no link to the outside.
    contenu.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, repondre) => repondre(false));
    session.defaultSession.webRequest.onHeadersReceived((details, rappel) => {
      rappel({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
    });
    protocol.handle(SCHEMA, (requete) => {
      const { pathname } = new URL(requete.url);
      const fichier = path.resolve(dossierRenderer, '.' + decodeURIComponent(pathname));
      if (!fichier.startsWith(dossierRenderer + path.sep)) return new Response('Interdit', { status: 403 });
      return net.fetch(pathToFileURL(fichier).toString());
    });

    registre = creerApp({ dossierDonnees: app.getPath('userData'), transport: 'electron' });
    lierIpc(ipcMain, registre, estOrigineApplication, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
    fenetre = creerFenetre(dossierCompile);
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => registre?.fermer());
}
