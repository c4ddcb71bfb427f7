import { analyserDocument, type OptionsAnalyse } from './analyse';
import { booleen, ecrireCommune, ecrireDonneesDeclarees, lireCommune, lireDonneesDeclarees } from './commun';
import { Ecrivain } from './ecrivain';
import { Lecteur } from './lecteur';
import { DemandeSchema, espaceDeNoms, type Demande, type DemandeSaisie } from '../../../shared/comedec';
import { valider } from './valider';

/**
 * `demande`: a verification request as the platform puts it in a commune's mailbox.
 *
 * ```xml
 * <demande xmlns="urn:registre:comedec:2" version="2" id="DEM-…" specimen="false">
 *   <destinataire codeInsee="81021" libelle="MAIRIE-81-AUSSILLON"/>
 *   <demandeur type="notaire"><libelle>…</libelle><reference type="reference_etude">…</reference></demandeur>
 *   <dates miseADisposition="…Z" echeance="…Z" purge="…Z" echeanceProcedure="2024-05-02"/>
 *   <typeActe>naissance</typeActe>
 *   <personne sexe="F"><nom/><nomUsage/><prenom/>…<dateNaissance/><lieuNaissance commune="…"/></personne>
 *   <pere>…</pere><mere>…</mere><conjoint>…</conjoint>
 *   <evenement><date/><lieu commune="…"/></evenement>
 * </demande>
 * ```
 * Version 1 has neither `reference/@type` nor `dates/@echeanceProcedure`.
 */
export const RACINE_DEMANDE = 'demande';

export function construireDemande(saisie: DemandeSaisie): string {
  const d = valider(DemandeSchema, saisie, 'demande');
  const v2 = d.version >= 2;
  const e = new Ecrivain(RACINE_DEMANDE, d.version, 'demande');
  e.attributs(e.racine, { id: d.id, specimen: d.specimen });
  ecrireCommune(e, e.racine, 'destinataire', d.destinataire);
  const dem = e.element(e.racine, 'demandeur', null, { type: d.demandeur.type });
  e.element(dem, 'libelle', d.demandeur.libelle);
  e.element(dem, 'reference', d.demandeur.reference, { type: v2 ? d.demandeur.typeReference : null });
  e.element(e.racine, 'dates', null, {
    miseADisposition: d.dates.miseADisposition,
    echeance: d.dates.echeance,
    purge: d.dates.purge,
    echeanceProcedure: v2 ? d.dates.echeanceProcedure : null,
  });
  ecrireDonneesDeclarees(e, e.racine, d);
  return e.serialiser();
}

export function lireDemande(xml: string | Uint8Array, options: OptionsAnalyse = {}): Demande {
  const { racine, version } = analyserDocument(xml, 'demande', RACINE_DEMANDE, options);
  const v2 = version >= 2;
  const l = new Lecteur(racine, '', espaceDeNoms(version), 'demande');
  l.attribut('version');
  const dem = l.enfantRequis('demandeur');
  const ref = dem.enfantRequis('reference');
  const dates = l.enfantRequis('dates');
  const brut = {
    version,
    id: l.attributRequis('id'),
    specimen: booleen(l, 'specimen'),
    destinataire: lireCommune(l.enfantRequis('destinataire')),
    demandeur: {
      type: dem.attributRequis('type'),
      libelle: dem.texteEnfantRequis('libelle'),
      typeReference: v2 ? ref.attribut('type') : null,
      reference: ref.texte(),
    },
    dates: {
      miseADisposition: dates.attributRequis('miseADisposition'),
      echeance: dates.attributRequis('echeance'),
      purge: dates.attributRequis('purge'),
      echeanceProcedure: v2 ? dates.attribut('echeanceProcedure') : null,
    },
    ...lireDonneesDeclarees(l),
  };
  dem.terminer();
  dates.terminer();
  l.terminer();
  return valider(DemandeSchema, brut, 'demande');
}
