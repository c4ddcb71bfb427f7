import type { Base } from '../db';
import type { Horloge } from '../horloge';
import { journal } from '../journal';
import type { ConnexionPlateforme } from './plateforme/connexion';
import { avecReprises } from './reprise';
import { enregistrerLot, livraisonsAAccuser, marquerAccusees, type BilanLot } from '../demandes';
import { validerLivraison } from './validation';
import { RegistreError } from '../../shared/errors';

/**
 * Pull: read the mailbox page by page; for each page, validate every document, store the page
 * in ONE transaction, and only then acknowledge it to the platform. A crash anywhere leaves
 * either nothing stored (the platform delivers again) or the page stored and not acknowledged
 * (acknowledged first thing at the next sync; the platform's second delivery is a duplicate).
 */
export interface DependancesReception {
  db(): Base;
  horloge: Horloge;
  connexion: ConnexionPlateforme;
  synchroId: number;
  codeInsee: string;
  progression(fait: number, message: string): void;
  taillePage?: number;
  /** Bound on pages per run, so a platform that never empties its mailbox cannot hold a sync forever. */
  pagesMax?: number;
}

export type BilanReception = BilanLot;

const recuperable = (e: unknown) => e instanceof RegistreError && e.recuperable;

async function acquitter(dep: DependancesReception, plateforme: string, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await avecReprises(
    () => dep.connexion.avecSession((s) => dep.connexion.adaptateur.acquitterDemandes(s, ids)),
    recuperable,
  );
  marquerAccusees(dep.db(), plateforme, ids, dep.horloge.maintenant());
}

export async function recevoirDemandes(dep: DependancesReception): Promise<BilanReception> {
  const bilan: BilanReception = { recues: 0, doublons: 0, quarantaine: 0, nouvelles: [] };
  // Requests are stored under the platform that numbered them (all platforms number from 1).
  const plateforme = (await avecReprises(() => dep.connexion.adaptateur.informations(), recuperable)).identifiant;
  // What a previous run stored but could not acknowledge.
  for (
    let restants = livraisonsAAccuser(dep.db(), plateforme);
    restants.length;
    restants = livraisonsAAccuser(dep.db(), plateforme)
  ) {
    await acquitter(dep, plateforme, restants);
  }
  const taille = dep.taillePage ?? 200;
  const pagesMax = dep.pagesMax ?? 1000;
  let fait = 0;
  const traitees = new Set<string>();
  for (let page = 0; page < pagesMax; page++) {
    const livraisons = await avecReprises(
      () => dep.connexion.avecSession((s) => dep.connexion.adaptateur.demandes(s, taille)),
      recuperable,
    );
    // Empty, or only requests already stored and acknowledged during this run (a platform
    // delivering duplicates): nothing new is left in the mailbox.
    if (livraisons.every((l) => traitees.has(l.id))) {
      if (livraisons.length) await acquitter(dep, plateforme, [...new Set(livraisons.map((l) => l.id))]);
      return bilan;
    }
    const acceptees = [];
    const refusees = [];
    for (const l of livraisons) {
      const v = validerLivraison(l, dep.codeInsee);
      if ('acceptee' in v) acceptees.push(v.acceptee);
      else refusees.push(v.refusee);
    }
    const lot = enregistrerLot(dep.db(), plateforme, dep.synchroId, dep.horloge.maintenant(), acceptees, refusees);
    bilan.recues += lot.recues;
    bilan.doublons += lot.doublons;
    bilan.quarantaine += lot.quarantaine;
    bilan.nouvelles.push(...lot.nouvelles);
    if (refusees.length)
      journal.avertir('documents mis en quarantaine', {
        nombre: refusees.length,
        motifs: [...new Set(refusees.map((r) => r.motif))],
      });
    const ids = [...new Set(livraisons.map((l) => l.id))];
    await acquitter(dep, plateforme, ids);
    ids.forEach((id) => traitees.add(id));
    fait += livraisons.length;
    dep.progression(
      fait,
      `${bilan.recues} demande(s) reçue(s)${bilan.quarantaine ? `, ${bilan.quarantaine} en quarantaine` : ''}`,
    );
  }
  journal.avertir('boîte aux lettres non vidée', { pages: pagesMax });
  return bilan;
}
