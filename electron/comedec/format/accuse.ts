import { analyserDocument, type OptionsAnalyse } from './analyse';
import { Ecrivain } from './ecrivain';
import { Lecteur } from './lecteur';
import { AccuseSchema, espaceDeNoms, type Accuse } from '../../../shared/comedec';
import { valider } from './valider';

/**
 * `accuseReception`: the platform's receipt for an answer or a request sent. A replay of the
 * same idempotency key returns the ORIGINAL receipt (same number, same time), which is how a
 * client that lost the connection after sending learns that its answer was stored.
 *
 * ```xml
 * <accuseReception xmlns="urn:registre:comedec:2" version="2" numero="AR-…" objet="reponse">
 *   <demande>DEM-…</demande><document>REP-…</document>
 *   <cleIdempotence>…</cleIdempotence><recuLe>…Z</recuLe>
 *   <empreinte algorithme="sha256">…</empreinte>
 * </accuseReception>
 * ```
 */
export const RACINE_ACCUSE = 'accuseReception';

export function construireAccuse(saisie: Accuse): string {
  const a = valider(AccuseSchema, saisie, 'accuse');
  const e = new Ecrivain(RACINE_ACCUSE, a.version, 'accuse');
  e.attributs(e.racine, { numero: a.numero, objet: a.objet });
  e.element(e.racine, 'demande', a.demandeId);
  e.element(e.racine, 'document', a.documentId);
  e.element(e.racine, 'cleIdempotence', a.cleIdempotence);
  e.element(e.racine, 'recuLe', a.recuLe);
  e.element(e.racine, 'empreinte', a.empreinte, { algorithme: 'sha256' });
  return e.serialiser();
}

export function lireAccuse(xml: string | Uint8Array, options: OptionsAnalyse = {}): Accuse {
  const { racine, version } = analyserDocument(xml, 'accuse', RACINE_ACCUSE, options);
  const l = new Lecteur(racine, '', espaceDeNoms(version), 'accuse');
  l.attribut('version');
  const emp = l.enfantRequis('empreinte');
  if (emp.attributRequis('algorithme') !== 'sha256')
    throw l.erreur('empreinte.algorithme', 'algorithme d’empreinte inconnu (sha256 attendu)');
  const brut = {
    version,
    numero: l.attributRequis('numero'),
    objet: l.attributRequis('objet'),
    demandeId: l.texteEnfantRequis('demande'),
    documentId: l.texteEnfantRequis('document'),
    cleIdempotence: l.texteEnfantRequis('cleIdempotence'),
    recuLe: l.texteEnfantRequis('recuLe'),
    empreinte: emp.texte(),
  };
  l.terminer();
  return valider(AccuseSchema, brut, 'accuse');
}
