import { ParametresCarteSchema, type ParametresCarte } from '../../shared/contract/carte';
import { erreurs } from '../../shared/errors';
import type { DepotParametres } from '../parametres';
import { depuisPem } from './certificats';
import { Confiance } from './confiance';
import { verifierXades, type RacineDocument, type ResultatVerification } from './xades-verifier';

const CLE = 'carte';
const DEFAUT: ParametresCarte = { bibliotheque: null, mode: 'reelle', confiancePem: '' };

/** The card's settings (library path, real/training mode, trust list), one JSON value. */
export function lireParametresCarte(depot: DepotParametres): ParametresCarte {
  const lu = ParametresCarteSchema.safeParse({ ...DEFAUT, ...(depot.lire<Partial<ParametresCarte>>(CLE) ?? {}) });
  return lu.success ? lu.data : DEFAUT;
}

export function ecrireParametresCarte(depot: DepotParametres, modification: Partial<ParametresCarte>): ParametresCarte {
  const p = { ...lireParametresCarte(depot), ...modification };
  if (p.bibliotheque !== null) p.bibliotheque = p.bibliotheque.trim() || null;
  if (p.confiancePem.trim()) {
    let certs;
    try {
      certs = depuisPem(p.confiancePem);
    } catch {
      throw erreurs.saisieInvalide('confiancePem', 'un des certificats est illisible');
    }
    if (certs.length === 0) throw erreurs.saisieInvalide('confiancePem', 'aucun certificat PEM trouvé');
    if (certs.some((c) => !c.autorite))
      throw erreurs.saisieInvalide('confiancePem', 'la liste de confiance ne contient que des certificats d’autorité');
  }
  depot.ecrire(CLE, p);
  return p;
}

export function resumeConfiance(p: ParametresCarte): { sujet: string; empreinte: string; fin: string }[] {
  return depuisPem(p.confiancePem).map((c) => ({
    sujet: c.x509.subject,
    empreinte: c.empreinte,
    fin: c.fin.toISOString(),
  }));
}

/** The trust list to verify with; in training mode the training CA is added. */
export function confianceDe(p: ParametresCarte, caFormation: string | null): Confiance {
  return Confiance.depuisPem(
    p.mode === 'formation' && caFormation ? `${p.confiancePem}\n${caFormation}` : p.confiancePem,
  );
}

/**
 * A received document's XAdES signature verified with the card settings' trust list (and the
 * training CA in training mode), as of `instant`: the one way the sync (at reception) and the
 * screens (before showing an answer) verify, so both judge with the same list.
 */
export function verifierSelonParametres(
  depot: DepotParametres,
  caFormation: () => string | null,
  xml: string,
  racineAttendue: RacineDocument,
  instant: Date,
): Promise<ResultatVerification> {
  const p = lireParametresCarte(depot);
  return verifierXades(xml, {
    confiance: confianceDe(p, caFormation()),
    racineAttendue,
    maintenant: instant,
    accepterFormation: p.mode === 'formation',
  });
}
