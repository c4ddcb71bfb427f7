import { analyserDocument, type OptionsAnalyse } from './analyse';
import { ecrireCommune, ecrireDonneesDeclarees, lireCommune, lireDonneesDeclarees } from './commun';
import { Ecrivain } from './ecrivain';
import { Lecteur } from './lecteur';
import { DemandeEmiseSchema, espaceDeNoms, type DemandeEmise, type DemandeEmiseSaisie } from '../../../shared/comedec';
import { valider } from './valider';

/**
 * `demandeEmise`: a request the commune sends to another commune (marriage or PACS file),
 * signed by an officer like an answer (XAdES over the root, `Id` attribute). The platform gives
 * it a request id, puts it in the other commune's mailbox as a `demande` whose requester is
 * `commune`, and returns the other commune's signed `reponse` when it comes.
 *
 * ```xml
 * <demandeEmise xmlns="urn:registre:comedec:2" version="2" Id="EMI-…" motif="dossier_mariage">
 *   <emettrice codeInsee="81021" libelle="MAIRIE-81-AUSSILLON"/>
 *   <destinataire codeInsee="31555"/>
 *   <reference type="dossier_mariage">M-2024-12</reference>
 *   <echeanceProcedure>2024-06-15</echeanceProcedure>
 *   <emiseLe>…Z</emiseLe>
 *   <typeActe>naissance</typeActe><personne>…</personne><pere/><mere/>
 * </demandeEmise>
 * ```
 * Version 1 has neither `reference/@type` nor `echeanceProcedure`.
 */
export const RACINE_DEMANDE_EMISE = 'demandeEmise';

export function construireDemandeEmise(saisie: DemandeEmiseSaisie): string {
  const d = valider(DemandeEmiseSchema, saisie, 'demandeEmise');
  const v2 = d.version >= 2;
  const e = new Ecrivain(RACINE_DEMANDE_EMISE, d.version, 'demandeEmise');
  e.attributs(e.racine, { Id: d.id, motif: d.motif });
  ecrireCommune(e, e.racine, 'emettrice', d.emettrice);
  e.element(e.racine, 'destinataire', null, { codeInsee: d.destinataire.codeInsee });
  e.element(e.racine, 'reference', d.reference, { type: v2 ? d.typeReference : null });
  if (v2) e.elementSi(e.racine, 'echeanceProcedure', d.echeanceProcedure);
  e.element(e.racine, 'emiseLe', d.emiseLe);
  ecrireDonneesDeclarees(e, e.racine, d);
  return e.serialiser();
}

export function lireDemandeEmise(xml: string | Uint8Array, options: OptionsAnalyse = {}): DemandeEmise {
  const { racine, version } = analyserDocument(xml, 'demandeEmise', RACINE_DEMANDE_EMISE, options);
  const v2 = version >= 2;
  const l = new Lecteur(racine, '', espaceDeNoms(version), 'demandeEmise');
  l.attribut('version');
  const ref = l.enfantRequis('reference');
  const dest = l.enfantRequis('destinataire');
  const brut = {
    version,
    id: l.attributRequis('Id'),
    motif: l.attributRequis('motif'),
    emettrice: lireCommune(l.enfantRequis('emettrice')),
    destinataire: { codeInsee: dest.attributRequis('codeInsee') },
    typeReference: v2 ? ref.attribut('type') : null,
    reference: ref.texte(),
    echeanceProcedure: v2 ? l.texteEnfant('echeanceProcedure') : null,
    emiseLe: l.texteEnfantRequis('emiseLe'),
    ...lireDonneesDeclarees(l),
  };
  dest.terminer();
  l.terminer({ signatureAutorisee: true });
  return valider(DemandeEmiseSchema, brut, 'demandeEmise');
}
