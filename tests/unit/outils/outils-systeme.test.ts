import { describe, expect, it } from 'vitest';
import { OUTILS, commandeApt, decider, estDebianOuUbuntu, manquants } from '../../../build/outils-systeme.mjs';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const MINT = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';

const outil = (paquet: string) => OUTILS.find((o) => o.paquet === paquet)!;

/** The message of a decision that must be a stop. */
function arret(d: ReturnType<typeof decider>): string {
  if (d.action !== 'arreter') throw new Error(`attendu : arreter, reçu : ${d.action}`);
  return d.message;
}

describe('outils système des tests', () => {
  it('demande Chromium, SoftHSM2, OpenSC, xmlsec1 et poppler-utils', () => {
    expect(OUTILS.map((o) => o.paquet)).toEqual(['chromium', 'softhsm2', 'opensc', 'xmlsec1', 'poppler-utils']);
    expect(outil('chromium').fichier).toBe('/usr/bin/chromium');
    expect(outil('softhsm2').fichier).toBe('/usr/lib/softhsm/libsofthsm2.so');
    expect(outil('opensc').commande).toBe('pkcs11-tool');
    expect(outil('poppler-utils').commande).toBe('pdftotext');
  });

  it('reconnaît Debian, Ubuntu et leurs dérivées par /etc/os-release', () => {
    expect(estDebianOuUbuntu(DEBIAN)).toBe(true);
    expect(estDebianOuUbuntu(UBUNTU)).toBe(true);
    expect(estDebianOuUbuntu(MINT)).toBe(true);
    expect(estDebianOuUbuntu(FEDORA)).toBe(false);
    expect(estDebianOuUbuntu('')).toBe(false);
  });

  it('ne retient que les outils absents', () => {
    const absents = manquants(OUTILS, (o) => o.paquet !== 'xmlsec1' && o.paquet !== 'opensc');
    expect(absents.map((o) => o.paquet)).toEqual(['opensc', 'xmlsec1']);
  });

  it('ne fait rien quand tout est là, quelle que soit la machine', () => {
    expect(decider({ absents: [], plateforme: 'linux', uid: 0, debian: true })).toEqual({ action: 'rien' });
    expect(decider({ absents: [], plateforme: 'darwin', uid: 501, debian: false })).toEqual({ action: 'rien' });
  });

  it('installe avec apt-get (update d’abord) en root sur Debian ou Ubuntu', () => {
    const d = decider({
      absents: [outil('chromium'), outil('poppler-utils')],
      plateforme: 'linux',
      uid: 0,
      debian: true,
    });
    expect(d).toMatchObject({ action: 'installer', paquets: ['chromium', 'poppler-utils'] });
    expect(d.action === 'installer' && d.commandes).toEqual([
      ['apt-get', ['update', '-qq']],
      ['apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'poppler-utils']],
    ]);
  });

  it('s’arrête avec la liste exacte et la commande sudo hors root sur Debian', () => {
    const message = arret(
      decider({ absents: [outil('softhsm2'), outil('xmlsec1')], plateforme: 'linux', uid: 1000, debian: true }),
    );
    expect(message).toContain('SoftHSM2 (/usr/lib/softhsm/libsofthsm2.so, paquet softhsm2)');
    expect(message).toContain('xmlsec1 (xmlsec1, paquet xmlsec1)');
    expect(message).not.toContain('Chromium');
    expect(message).toContain(
      'sudo apt-get update && sudo apt-get install -y --no-install-recommends softhsm2 xmlsec1',
    );
  });

  it('s’arrête ailleurs (autre Linux, macOS, Windows), même en root, sans rien installer', () => {
    for (const machine of [
      { plateforme: 'linux', uid: 0, debian: false },
      { plateforme: 'darwin', uid: 0, debian: false },
      { plateforme: 'win32', uid: -1, debian: false },
    ]) {
      const message = arret(decider({ ...machine, absents: [outil('opensc')] }));
      expect(message).toContain('OpenSC (pkcs11-tool) (pkcs11-tool, paquet opensc)');
      expect(message).toContain('gestionnaire de paquets de votre système');
    }
  });

  it('écrit la commande apt-get comme on la tape', () => {
    expect(commandeApt(['opensc'], true)).toBe('apt-get update && apt-get install -y --no-install-recommends opensc');
  });
});
