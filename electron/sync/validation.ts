import { versRegistreError } from '../../shared/errors';
import { lireDemande, TAILLE_MAX_DEFAUT } from '../comedec';
import {
  documentRefuse,
  motifDe,
  sha256,
  type DemandeAcceptee,
  type DocumentRefuse,
  type MotifQuarantaine,
} from '../demandes';
import type { LivraisonDemande } from './plateforme/adaptateur';

/**
 * Decides what one delivered request becomes: accepted (parsed and checked) or quarantined
 * with a reason in French. The XML goes through the format module's safe parser only (size
 * limit, UTF-8, no DTD, strict parsing, schema, known version); then the engine's own checks:
 * the document is the one announced, and it is addressed to this commune.
 */
export const TAILLE_MAX_DEMANDE = TAILLE_MAX_DEFAUT;

export type Verdict = { acceptee: DemandeAcceptee } | { refusee: DocumentRefuse };

function refus(
  l: LivraisonDemande,
  idPlateforme: string | null,
  motif: MotifQuarantaine,
  raison: string,
  octets: Uint8Array,
  total = octets.byteLength,
): Verdict {
  return { refusee: documentRefuse({ livraison: l.id, idPlateforme, motif, raison, octets, total }) };
}

export function validerLivraison(l: LivraisonDemande, codeInseeCommune: string): Verdict {
  if ('illisible' in l)
    return refus(l, l.id, l.illisible.motif, l.illisible.raison, l.illisible.debut, l.illisible.octets);
  const octets = Buffer.from(l.xml, 'utf8');
  let demande;
  try {
    demande = lireDemande(octets, { tailleMax: TAILLE_MAX_DEMANDE });
  } catch (e) {
    const err = versRegistreError(e);
    return refus(l, l.id, motifDe(err), err.message, octets);
  }
  if (demande.id !== l.id)
    return refus(
      l,
      l.id,
      'schema',
      `le document porte l’identifiant « ${demande.id} » mais a été livré comme « ${l.id} »`,
      octets,
    );
  if (demande.destinataire.codeInsee !== codeInseeCommune)
    return refus(
      l,
      l.id,
      'mauvais_destinataire',
      `demande adressée à la commune ${demande.destinataire.codeInsee}, pas à ${codeInseeCommune}`,
      octets,
    );
  return { acceptee: { livraison: l.id, demande, document: l.xml, empreinte: sha256(octets) } };
}
