import type { Lieu } from '../../../shared/domain/acte';
import { erreurs } from '../../../shared/errors';
import { communeParCode, rechercherCommunes } from '../communes';
import { Hasard, Tirage } from './hasard';
import { LIEUX_ETRANGERS } from './noms';

/**
 * Places of the synthetic register, taken from the official list of communes: most events
 * happen in the register's own commune, births of the parents' generation in its department,
 * some in large cities, a few abroad.
 */
const GRANDES_VILLES = ['75056', '13055', '69123', '31555', '33063', '34172', '44109', '67482', '59350', '35238'];

export class LieuxSynthetiques {
  readonly commune: Lieu;
  private readonly departement: Tirage<Lieu>;
  private readonly villes: Lieu[];

  constructor(codeCommune: string) {
    const c = communeParCode(codeCommune);
    if (!c) throw erreurs.saisieInvalide('commune', `code INSEE « ${codeCommune} » inconnu`);
    this.commune = versLieu(c);
    // rechercherCommunes by code prefix lists the department's communes, largest first.
    const proches = rechercherCommunes(c.departement, 200).map(versLieu);
    this.departement = Tirage.zipf(proches, 0.8, 2);
    this.villes = GRANDES_VILLES.map((code) => communeParCode(code))
      .filter((x) => x !== undefined)
      .map(versLieu);
  }

  /** Where someone living here was born. */
  naissance(h: Hasard): Lieu {
    const x = h.reel();
    if (x < 0.55) return { ...this.commune };
    if (x < 0.85) return { ...this.departement.tirer(h) };
    if (x < 0.95) return { ...h.choix(this.villes) };
    const e = h.choix(LIEUX_ETRANGERS);
    return { commune: e.commune, codeInsee: null, departement: null, pays: e.pays };
  }

  /** Where an event of the register happened: a commune registers the births, marriages and deaths that happen on its soil. */
  evenement(): Lieu {
    return { ...this.commune };
  }
}

function versLieu(c: { nom: string; codeInsee: string; departement: string }): Lieu {
  return { commune: c.nom, codeInsee: c.codeInsee, departement: c.departement, pays: null };
}
