import type { WebPreferences } from 'electron';

export const SCHEMA = 'registre';
export const ORIGINE = `${SCHEMA}://app`;

/** The settings that make the renderer a plain, sandboxed web page with one bridge (tested under Node). */
export function preferencesWeb(preload: string): WebPreferences {
  return {
    preload,
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
  };
}

/** Only our own page may navigate within the window or call the main process. */
export function estOrigineApplication(url: string): boolean {
  return url.startsWith(ORIGINE + '/');
}
