import { construireDemande } from '../../electron/comedec';
import { journal } from '../../electron/journal';
import type { CommuneBoite } from '../depots/communes';
import type { DemandeStockee, DepotDemandes } from '../depots/demandes';
import type { InjecteurPannes } from '../pannes';

export interface EntreeBoite {
  id: string;
  version: number;
  specimen: boolean;
  miseADisposition: string;
  echeance: string;
  purge: string;
  livraison: number;
  xml: string;
}

function rendre(d: DemandeStockee, commune: CommuneBoite): EntreeBoite {
  const version = commune.versionFormat;
  return {
    id: d.id,
    version,
    specimen: d.specimen,
    miseADisposition: d.miseADisposition,
    echeance: d.echeance,
    purge: d.purge,
    livraison: d.livraisons + 1,
    // Stored version-neutral; written in the version the commune's software speaks.
    xml: construireDemande({ ...d.donnees, version }),
  };
}

/** Ways a document gets broken on its way: cut in the middle, a stray tag, a bad entity. */
function abimer(xml: string, pannes: InjecteurPannes): string {
  const maniere = pannes.choisir(['tronque', 'balise', 'entite'] as const);
  if (maniere === 'tronque') return xml.slice(0, Math.floor(xml.length / 2));
  if (maniere === 'balise') return xml.replace('</typeActe>', '</typeActe><personne>');
  return xml.replace('<typeActe>', '<typeActe>&inconnue;');
}

/**
 * The mailbox of a commune: its new requests (not acknowledged, not purged), oldest first,
 * with the injected faults: an entry delivered twice, an acknowledged request delivered again,
 * an entry whose XML is malformed.
 */
export function listerBoite(
  demandes: DepotDemandes,
  commune: CommuneBoite,
  maintenant: Date,
  limite: number,
  pannes: InjecteurPannes,
): EntreeBoite[] {
  const nouvelles = demandes.boite(commune.codeInsee, maintenant, limite);
  demandes.marquerLivrees(nouvelles.map((d) => d.id));
  const entrees: EntreeBoite[] = [];
  for (const d of nouvelles) {
    let e: EntreeBoite;
    try {
      e = rendre(d, commune);
    } catch (err) {
      // Never one bad record for the whole mailbox (deposits are checked; this is a safety net).
      journal.erreur('plateforme : demande impossible à écrire', {
        erreur: err instanceof Error ? err.name : typeof err,
      });
      continue;
    }
    entrees.push(pannes.tirer(pannes.etat.tauxXmlMalForme) ? { ...e, xml: abimer(e.xml, pannes) } : e);
    if (pannes.tirer(pannes.etat.tauxLivraisonDupliquee)) entrees.push({ ...e, livraison: e.livraison + 1 });
  }
  if (pannes.etat.tauxLivraisonDupliquee > 0) {
    for (const d of demandes.dejaAcquittees(commune.codeInsee, maintenant, 5)) {
      if (pannes.tirer(pannes.etat.tauxLivraisonDupliquee)) {
        try {
          entrees.push(rendre(d, commune));
        } catch {
          // same safety net as above
        }
      }
    }
  }
  return entrees;
}
