import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The application's own database (its real world, `<données>/registre.db`), for the commands that
 * must see what the app sees without being told (`registre sign` and the directory of agents).
 * The data folder: REGISTRE_DONNEES (as `npm run web`), else the desktop app's (Electron's
 * `userData`: the configuration folder of the system, then the app's name, « Registre » once
 * installed, « registre » when run from the sources). Null when there is none: nothing was ever
 * started here.
 */
export function baseApplication(env: NodeJS.ProcessEnv = process.env, plateforme = process.platform): string | null {
  const dossiers = env.REGISTRE_DONNEES
    ? [env.REGISTRE_DONNEES]
    : ['Registre', 'registre'].map((nom) => path.join(dossierConfiguration(env, plateforme), nom));
  return dossiers.map((d) => path.join(d, 'registre.db')).find((f) => fs.existsSync(f)) ?? null;
}

function dossierConfiguration(env: NodeJS.ProcessEnv, plateforme: NodeJS.Platform): string {
  if (plateforme === 'win32') return env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming');
  if (plateforme === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
}
