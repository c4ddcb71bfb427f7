import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { erreurs } from '../shared/errors';
import { demarrerPlateforme, type PlateformeDemarree } from './demarrage';

export interface OptionsLancement {
  port: number;
  base: string;
  /** PEM files of the trust anchors (the CA of the agents' cards). */
  ancres: string[];
  formation: boolean;
  tailleMax?: number;
  jetonAdmin?: string;
  json: boolean;
  /** Prints nothing (the caller, e.g. the demo, says what to do next). */
  silencieux?: boolean;
}

export const BASE_PAR_DEFAUT = path.join(os.homedir(), '.registre', 'bac-a-sable.sqlite');
export const PORT_PAR_DEFAUT = 8450;

/**
 * Starts the platform from a terminal (`npm run sandbox`, `registre sandbox`), prints its URL
 * and admin token on stdout (one JSON line with --json), and stops cleanly on Ctrl+C.
 */
export async function lancerPlateforme(o: OptionsLancement): Promise<PlateformeDemarree> {
  const ancres = o.ancres.map((f) => {
    if (!fs.existsSync(f)) throw erreurs.introuvable('Fichier d’ancre de confiance', f);
    const pem = fs.readFileSync(f, 'utf8');
    if (!pem.includes('BEGIN CERTIFICATE'))
      throw erreurs.saisieInvalide('ancre', `« ${f} » ne contient pas de certificat PEM`);
    return pem;
  });
  const p = await demarrerPlateforme({
    port: o.port,
    fichierBase: o.base,
    ancres,
    formation: o.formation,
    tailleMaxDocument: o.tailleMax,
    jetonAdmin: o.jetonAdmin ?? process.env.REGISTRE_JETON_ADMIN,
  });
  const info = {
    url: `${p.url}/v1`,
    jetonAdmin: p.jetonAdmin,
    formation: p.formation,
    base: path.resolve(o.base),
    ancres: o.ancres.map((f) => path.resolve(f)),
  };
  if (o.silencieux) {
    // the caller prints
  } else if (o.json) process.stdout.write(`${JSON.stringify(info)}\n`);
  else {
    process.stdout.write(
      [
        `Plateforme bac à sable COMEDEC${p.formation ? ' (FORMATION)' : ''} démarrée`,
        `  URL de l’API          : ${info.url}`,
        `  Jeton d’administration : ${p.jetonAdmin}`,
        `  Base                  : ${info.base}`,
        `  Ancres de confiance   : ${ancres.length ? info.ancres.join(', ') : 'aucune — aucune carte ne sera acceptée (option --ancre)'}`,
        `  Administration        : ${info.url}/admin/… (Authorization: Bearer <jeton>), voir docs/plateforme-bac-a-sable.md`,
        'Ctrl+C pour arrêter.',
        '',
      ].join('\n'),
    );
  }
  const arreter = () => {
    void p.arreter().then(() => process.exit(0));
  };
  process.once('SIGINT', arreter);
  process.once('SIGTERM', arreter);
  return p;
}
