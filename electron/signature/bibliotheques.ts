import fs from 'node:fs';
import path from 'node:path';

/**
 * Known PKCS#11 libraries, per operating system, tried in this order when no library is set
 * (like Fortify's card table, but by library rather than by ATR: we do not talk PC/SC).
 * The setting `carte.bibliotheque` (or REGISTRE_PKCS11) always wins over this table.
 *
 * The ANTS kit paths are those the IAS-ECC middlewares install (Idopte "Smart Card
 * Middleware", IDEMIA/Oberthur AWP); check them on a workstation with the kit installed.
 */
export interface BibliothequeConnue {
  readonly nom: string;
  /** 'production' for agent cards; 'essai' for SoftHSM2 (tests and training only). */
  readonly usage: 'production' | 'essai';
  readonly chemins: Partial<Record<NodeJS.Platform, readonly string[]>>;
}

const systemRoot = process.env.SystemRoot ?? 'C:\\Windows';
const programFiles = process.env.ProgramFiles ?? 'C:\\Program Files';

export const bibliothequesConnues: readonly BibliothequeConnue[] = [
  {
    nom: 'Kit ANTS – pilote IAS-ECC (Idopte Smart Card Middleware)',
    usage: 'production',
    chemins: {
      win32: [
        path.win32.join(programFiles, 'Smart Card Middleware', 'bin', 'idoPKCS.dll'),
        path.win32.join(systemRoot, 'System32', 'idoPKCS.dll'),
      ],
      darwin: ['/Library/SCMiddleware/libidop11.dylib'],
      linux: ['/usr/lib/SCMiddleware/libidop11.so'],
    },
  },
  {
    nom: 'Kit ANTS – pilote IAS-ECC (IDEMIA AWP)',
    usage: 'production',
    chemins: {
      win32: [
        path.win32.join(programFiles, 'IDEMIA', 'AWP', 'DLLs', 'OcsCryptoki.dll'),
        path.win32.join(programFiles, 'Oberthur Technologies', 'AWP', 'DLLs', 'OcsCryptoki.dll'),
        path.win32.join(systemRoot, 'System32', 'OcsCryptoki.dll'),
      ],
    },
  },
  {
    nom: 'OpenSC',
    usage: 'production',
    chemins: {
      win32: [path.win32.join(programFiles, 'OpenSC Project', 'OpenSC', 'pkcs11', 'opensc-pkcs11.dll')],
      darwin: [
        '/Library/OpenSC/lib/opensc-pkcs11.so',
        '/opt/homebrew/lib/opensc-pkcs11.so',
        '/usr/local/lib/opensc-pkcs11.so',
      ],
      linux: [
        '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so',
        '/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so',
        '/usr/lib64/opensc-pkcs11.so',
        '/usr/lib/opensc-pkcs11.so',
      ],
    },
  },
  {
    nom: 'SoftHSM2 (essais et formation)',
    usage: 'essai',
    chemins: {
      win32: [path.win32.join('C:\\', 'SoftHSM2', 'lib', 'softhsm2-x64.dll')],
      darwin: ['/opt/homebrew/lib/softhsm/libsofthsm2.so', '/usr/local/lib/softhsm/libsofthsm2.so'],
      linux: [
        '/usr/lib/softhsm/libsofthsm2.so',
        '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so',
        '/usr/lib64/softhsm/libsofthsm2.so',
      ],
    },
  },
];

export interface Candidat {
  readonly chemin: string;
  readonly nom: string;
  readonly source: 'parametre' | 'environnement' | 'table';
}

type OptionsCandidats = {
  parametre?: string | null;
  environnement?: string | null;
  plateforme?: NodeJS.Platform;
  existe?: (f: string) => boolean;
  /** Without an explicit library, SoftHSM2 is only tried in training mode. */
  avecEssai?: boolean;
};

/**
 * The libraries to try, in order: the configured one alone if set, otherwise every library of
 * the table present on this machine.
 */
export function candidats(options: OptionsCandidats = {}): Candidat[] {
  const existe = options.existe ?? ((f: string) => fs.existsSync(f));
  if (options.parametre)
    return [{ chemin: options.parametre, nom: path.basename(options.parametre), source: 'parametre' }];
  if (options.environnement)
    return [{ chemin: options.environnement, nom: path.basename(options.environnement), source: 'environnement' }];
  const plateforme = options.plateforme ?? process.platform;
  const vus = new Set<string>();
  const liste: Candidat[] = [];
  for (const b of bibliothequesConnues) {
    if (b.usage === 'essai' && !options.avecEssai) continue;
    for (const chemin of b.chemins[plateforme] ?? []) {
      if (vus.has(chemin) || !existe(chemin)) continue;
      vus.add(chemin);
      liste.push({ chemin, nom: b.nom, source: 'table' });
    }
  }
  return liste;
}
