import { describe, expect, it } from 'vitest';
import { bibliothequesConnues, candidats } from '../../../electron/signature/bibliotheques';

describe('table des bibliothèques PKCS#11', () => {
  it('connaît le kit ANTS, OpenSC et SoftHSM2 pour chaque système', () => {
    const noms = bibliothequesConnues.map((b) => b.nom).join(' | ');
    expect(noms).toMatch(/ANTS/);
    expect(noms).toMatch(/OpenSC/);
    expect(noms).toMatch(/SoftHSM2/);
    for (const os of ['win32', 'linux', 'darwin'] as const) {
      expect(bibliothequesConnues.some((b) => (b.chemins[os] ?? []).length > 0)).toBe(true);
    }
  });

  it('essaie dans l’ordre de la table les bibliothèques présentes, le kit ANTS d’abord', () => {
    const presentes = new Set([
      'C:\\Windows\\System32\\OcsCryptoki.dll',
      'C:\\Program Files\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll',
    ]);
    const liste = candidats({ plateforme: 'win32', existe: (f) => presentes.has(f) });
    expect(liste.map((c) => c.chemin)).toEqual([...presentes]);
    expect(liste.every((c) => c.source === 'table')).toBe(true);
  });

  it('le réglage l’emporte sur la variable d’environnement, qui l’emporte sur la table', () => {
    expect(candidats({ parametre: '/a.so', environnement: '/b.so' })).toEqual([
      { chemin: '/a.so', nom: 'a.so', source: 'parametre' },
    ]);
    expect(candidats({ environnement: '/b.so' })[0].source).toBe('environnement');
  });

  it('SoftHSM2 (essais et formation) n’est essayé de lui-même qu’en mode formation', () => {
    const tout = () => true;
    expect(candidats({ plateforme: 'linux', existe: tout }).some((c) => /softhsm/.test(c.chemin))).toBe(false);
    expect(
      candidats({ plateforme: 'linux', existe: tout, avecEssai: true }).some((c) => /softhsm/.test(c.chemin)),
    ).toBe(true);
  });
});
