import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demarrerPlateforme, type PlateformeDemarree } from '../../sandbox';
import { provisionnerCartes, type CartesTest } from '../fixtures/cartes/provisionner';

/** The sandbox's admin API, as the end-to-end scenarios drive it (register a commune, generate requests, faults). */
export function adminBacASable(plateforme: () => PlateformeDemarree) {
  return async (methode: string, chemin: string, corps?: unknown) => {
    const p = plateforme();
    const r = await fetch(`${p.url}${chemin}`, {
      method: methode,
      headers: { Authorization: `Bearer ${p.jetonAdmin}`, 'Content-Type': 'application/json' },
      body: corps === undefined ? undefined : JSON.stringify(corps),
    });
    if (!r.ok) throw new Error(`${chemin} : ${r.status} ${await r.text()}`);
    return r.json();
  };
}

export interface BancOfficier {
  dossier: string;
  cartes: CartesTest;
  plateforme: PlateformeDemarree;
}

/**
 * The officer's SoftHSM2 card in a fresh folder (the harness child inherits REGISTRE_PKCS11), the
 * sandbox trusting its authority, and Aussillon (81021) registered there with its delegated
 * officer, Jeanne MARTIN, holder of that card. `autres`: more test cards in the readers (the
 * agent's…), unknown to the platform.
 */
export async function monterBancOfficier(
  prefixe: string,
  autres: Exclude<keyof CartesTest['cartes'], 'officier'>[] = [],
): Promise<BancOfficier> {
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), prefixe));
  const cartes = await provisionnerCartes(dossier, { seulement: ['officier', ...autres] });
  process.env.REGISTRE_PKCS11 = cartes.bibliotheque;
  const plateforme = await demarrerPlateforme({ ancres: [cartes.caPem] });
  const o = cartes.cartes.officier;
  await adminBacASable(() => plateforme)('POST', '/v1/admin/communes', {
    codeInsee: '81021',
    agents: [
      {
        nom: 'Jeanne MARTIN',
        delegation: true,
        certificats: [o.certificats.authentification, o.certificats.signature],
      },
    ],
  });
  return { dossier, cartes, plateforme };
}

export async function demonterBancOfficier(b: { dossier?: string; plateforme?: PlateformeDemarree }): Promise<void> {
  delete process.env.REGISTRE_PKCS11;
  await b.plateforme?.arreter();
  if (b.dossier) fs.rmSync(b.dossier, { recursive: true, force: true });
}
