// Run by `npm test` before the tests: checks the system tools the tests need. As root on Debian
// or Ubuntu it installs what is missing with apt-get; elsewhere it stops at once with the exact
// list and the command to install them, so that a test run never fails half-way for a missing tool.
// The decision is a pure function (decider), tested in tests/unit/outils/outils-systeme.test.ts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * @typedef {{ nom: string, paquet: string, fichier?: string, commande?: string }} Outil
 * @typedef {{ action: 'rien' }
 *   | { action: 'installer', paquets: string[], commandes: [string, string[]][] }
 *   | { action: 'arreter', paquets: string[], message: string }} Decision
 */

/**
 * What the tests need, and the Debian package that brings each. `fichier`: a file that must exist;
 * `commande`: a program that must be on the PATH.
 * @type {Outil[]}
 */
export const OUTILS = [
  { nom: 'Chromium', paquet: 'chromium', fichier: '/usr/bin/chromium' },
  { nom: 'SoftHSM2', paquet: 'softhsm2', fichier: '/usr/lib/softhsm/libsofthsm2.so' },
  { nom: 'OpenSC (pkcs11-tool)', paquet: 'opensc', commande: 'pkcs11-tool' },
  { nom: 'xmlsec1', paquet: 'xmlsec1', commande: 'xmlsec1' },
  { nom: 'poppler-utils (pdftotext)', paquet: 'poppler-utils', commande: 'pdftotext' },
];

/**
 * True when /etc/os-release describes Debian, Ubuntu or a derivative (where apt-get is the tool).
 * @param {string} osRelease
 */
export function estDebianOuUbuntu(osRelease) {
  if (!osRelease) return false;
  const champ = (nom) => {
    const m = new RegExp(`^${nom}=["']?([^"'\\n]*)`, 'm').exec(osRelease);
    return m ? m[1].toLowerCase().split(/\s+/) : [];
  };
  return [...champ('ID'), ...champ('ID_LIKE')].some((id) => id === 'debian' || id === 'ubuntu');
}

/**
 * The tools among `outils` that `present` says are not there.
 * @param {Outil[]} outils
 * @param {(outil: Outil) => boolean} present
 */
export function manquants(outils, present) {
  return outils.filter((o) => !present(o));
}

/**
 * The apt-get line that installs `paquets`, as a user would type it.
 * @param {string[]} paquets
 * @param {boolean} root
 */
export function commandeApt(paquets, root) {
  return `${root ? '' : 'sudo '}apt-get update && ${root ? '' : 'sudo '}apt-get install -y --no-install-recommends ${paquets.join(' ')}`;
}

/**
 * What to do, given the missing tools and the machine:
 * - nothing missing: `{ action: 'rien' }`;
 * - root on Debian or Ubuntu (Linux): `{ action: 'installer', commandes }` (apt-get update, then install);
 * - anywhere else: `{ action: 'arreter', message }`, the exact list and the command to install them.
 * @param {{ absents: Outil[], plateforme: string, uid: number, debian: boolean }} machine
 * @returns {Decision}
 */
export function decider({ absents, plateforme, uid, debian }) {
  if (absents.length === 0) return { action: 'rien' };
  const paquets = [...new Set(absents.map((o) => o.paquet))];
  if (plateforme === 'linux' && debian && uid === 0) {
    return {
      action: 'installer',
      paquets,
      commandes: [
        ['apt-get', ['update', '-qq']],
        ['apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...paquets]],
      ],
    };
  }
  const liste = absents.map((o) => `  - ${o.nom} (${o.fichier ?? o.commande}, paquet ${o.paquet})`).join('\n');
  const comment =
    plateforme === 'linux' && debian
      ? `Installez-les avec :\n  ${commandeApt(paquets, false)}`
      : `Installez-les avec le gestionnaire de paquets de votre système ; sur Debian ou Ubuntu :\n  ${commandeApt(paquets, true)}`;
  return {
    action: 'arreter',
    paquets,
    message: `Les tests ont besoin d’outils absents de cette machine :\n${liste}\n${comment}\n`,
  };
}

function surLeChemin(commande) {
  const extensions = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .some((dossier) => extensions.some((e) => fs.existsSync(path.join(dossier, commande + e))));
}

/** Whether a tool is on this machine. Chromium may be elsewhere: the tests read CHROMIUM too. */
export function presentIci(outil) {
  if (outil.paquet === 'chromium' && process.env.CHROMIUM) return fs.existsSync(process.env.CHROMIUM);
  return outil.fichier ? fs.existsSync(outil.fichier) : surLeChemin(outil.commande);
}

function lireOsRelease() {
  try {
    return fs.readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}

export function verifierOutils() {
  const machine = {
    plateforme: process.platform,
    uid: typeof process.getuid === 'function' ? process.getuid() : -1,
    debian: estDebianOuUbuntu(lireOsRelease()),
  };
  const decision = decider({ ...machine, absents: manquants(OUTILS, presentIci) });
  if (decision.action === 'rien') return 0;
  if (decision.action === 'arreter') {
    process.stderr.write(decision.message);
    return 1;
  }
  process.stderr.write(`Outils système absents : installation de ${decision.paquets.join(', ')} (apt-get)…\n`);
  for (const [commande, args] of decision.commandes) {
    const r = spawnSync(commande, args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.status !== 0) {
      process.stderr.write(`Échec de « ${commande} ${args.join(' ')} » (code ${r.status ?? r.signal}).\n`);
      return 1;
    }
  }
  const encore = manquants(OUTILS, presentIci);
  if (encore.length > 0) {
    process.stderr.write(`Toujours absents après l’installation : ${encore.map((o) => o.nom).join(', ')}.\n`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = verifierOutils();
}
