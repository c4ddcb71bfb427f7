import { erreurs } from '../shared/errors';
import { demarrerPlateforme, type PlateformeDemarree } from './demarrage';
import { inscrireCommune, genererPourCommune, genererSpecimensPourCommune } from './services/administration';

export interface OptionsFormation {
  /** The commune being trained (INSEE code; label from the official list unless given). */
  commune: { codeInsee: string; libelle?: string };
  /** The training card: its certificates (PEM) and the CA that issued them (CarteFormation.caPem()). */
  carte: { titulaire: string; certificatsPem: string[]; caPem: string };
  /** Register to draw requests from (read-only); default: a synthetic register. */
  registre?: string;
  /** Requests put in the mailbox at start (default 12) and specimen requests (default 2). */
  demandes?: number;
  specimens?: number;
  graine?: number;
  /** SQLite file; default in memory (nothing kept once the app closes). */
  fichierBase?: string;
}

/**
 * Training mode, embedded in the app: a platform that says `formation: true`, trusts ONLY the
 * training card's CA and accepts only certificates with the training policy (a real card is
 * refused with `carte_reelle_en_formation`), with the commune's mailbox and the training
 * officer already registered, and a first set of requests to practise on.
 */
export async function demarrerPlateformeFormation(o: OptionsFormation): Promise<PlateformeDemarree> {
  if (!o.carte.caPem.includes('BEGIN CERTIFICATE'))
    throw erreurs.certificatInvalide('autorité de la carte de formation absente');
  const p = await demarrerPlateforme({
    formation: true,
    ancres: [o.carte.caPem],
    fichierBase: o.fichierBase ?? ':memory:',
  });
  try {
    const d = {
      horloge: p.plateforme.horloge,
      communes: p.plateforme.communes,
      demandes: p.plateforme.demandes,
      reglages: p.plateforme.reglages,
    };
    inscrireCommune(d, {
      codeInsee: o.commune.codeInsee,
      libelle: o.commune.libelle,
      agents: [{ nom: o.carte.titulaire, delegation: true, certificats: o.carte.certificatsPem }],
    });
    const n = o.demandes ?? 12;
    if (n > 0) genererPourCommune(d, o.commune.codeInsee, { nombre: n, graine: o.graine, registre: o.registre });
    if ((o.specimens ?? 2) > 0) genererSpecimensPourCommune(d, o.commune.codeInsee, o.specimens ?? 2);
    return p;
  } catch (e) {
    await p.arreter();
    throw e;
  }
}
