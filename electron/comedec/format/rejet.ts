import { citer } from '../../../shared/citation';
import { RegistreError } from '../../../shared/errors';
import { analyserDocument, type OptionsAnalyse } from './analyse';
import { Ecrivain } from './ecrivain';
import { Lecteur } from './lecteur';
import { RejetSchema, espaceDeNoms, type Rejet, type RejetSaisi } from '../../../shared/comedec';
import { valider } from './valider';

/**
 * `rejet`: why the platform refused a request of the client (every 4xx answer carries one).
 *
 * ```xml
 * <rejet xmlns="urn:registre:comedec:2" version="2" motif="demande_purgee">
 *   <message>…</message><horodatage>…Z</horodatage>
 *   <demande>DEM-…</demande><cleIdempotence>…</cleIdempotence><champ>…</champ>
 * </rejet>
 * ```
 */
export const RACINE_REJET = 'rejet';

export function construireRejet(saisie: RejetSaisi): string {
  const r = valider(RejetSchema, saisie, 'rejet');
  const e = new Ecrivain(RACINE_REJET, r.version, 'rejet');
  e.attributs(e.racine, { motif: r.motif });
  e.element(e.racine, 'message', r.message);
  e.element(e.racine, 'horodatage', r.horodatage);
  e.elementSi(e.racine, 'demande', r.demandeId);
  e.elementSi(e.racine, 'cleIdempotence', r.cleIdempotence);
  e.elementSi(e.racine, 'champ', r.champ);
  return e.serialiser();
}

export function lireRejet(xml: string | Uint8Array, options: OptionsAnalyse = {}): Rejet {
  const { racine, version } = analyserDocument(xml, 'rejet', RACINE_REJET, options);
  const l = new Lecteur(racine, '', espaceDeNoms(version), 'rejet');
  l.attribut('version');
  const brut = {
    version,
    motif: l.attributRequis('motif'),
    message: l.texteEnfantRequis('message'),
    horodatage: l.texteEnfantRequis('horodatage'),
    demandeId: l.texteEnfant('demande'),
    cleIdempotence: l.texteEnfant('cleIdempotence'),
    champ: l.texteEnfant('champ'),
  };
  l.terminer();
  return valider(RejetSchema, brut, 'rejet');
}

/**
 * A platform rejection as the application's typed error (final, never retried). The message
 * came over the network: it is shown as a bounded, escaped excerpt (no forged line on a
 * terminal or in the journal).
 */
export function erreurDeRejet(r: Rejet): RegistreError {
  return new RegistreError('rejet_plateforme', citer(r.message, 500), {
    motif: r.motif,
    ...(r.demandeId ? { demandeId: r.demandeId } : {}),
    ...(r.champ ? { champ: citer(r.champ, 200) } : {}),
  });
}
