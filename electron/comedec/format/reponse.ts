import type { Element } from '@xmldom/xmldom';
import { analyserDocument, type OptionsAnalyse } from './analyse';
import {
  ecrireCommune,
  ecrireLieu,
  ecrireMention,
  ecrirePersonneActe,
  entier,
  lireCommune,
  lireLieu,
  lireMention,
  lirePersonneActe,
} from './commun';
import { Ecrivain } from './ecrivain';
import { Lecteur } from './lecteur';
import {
  ReponseSchema,
  espaceDeNoms,
  type ActeReponse,
  type Reponse,
  type ReponseSaisie,
} from '../../../shared/comedec';
import { valider } from './valider';

/**
 * `reponse`: a commune's answer to one request, signed (XAdES-BES, enveloped) over the root
 * element, whose `Id` attribute the signature's reference names. The same document answers a
 * request received and, from the other commune, a request sent.
 *
 * ```xml
 * <reponse xmlns="urn:registre:comedec:2" version="2" Id="REP-…" demande="DEM-…">
 *   <commune codeInsee="81021" libelle="MAIRIE-81-AUSSILLON"/>
 *   <emiseLe>2024-03-04T09:12:00.000Z</emiseLe>
 *   <positive forme="copie_integrale">
 *     <acte type="naissance" annee="1987" numero="42">
 *       <dateActe/><dateEvenement/><lieuEvenement commune="…"/>
 *       <personne role="titulaire" sexe="F"><nom/><prenom/>…<dateNaissance/><lieuNaissance/><profession/></personne>
 *       <mention type="mariage" date="…"><texte>…</texte></mention>
 *     </acte>
 *   </positive>
 *   <!-- or <negative motif="acte_non_detenu"><commentaire>…</commentaire></negative> -->
 *   <ds:Signature>…</ds:Signature>
 * </reponse>
 * ```
 */
export const RACINE_REPONSE = 'reponse';

function ecrireActe(e: Ecrivain, parent: Element, a: ActeReponse): void {
  const el = e.element(parent, 'acte', null, { type: a.type, annee: a.annee, numero: a.numero });
  e.elementSi(el, 'dateActe', a.dateActe);
  e.elementSi(el, 'dateEvenement', a.dateEvenement);
  ecrireLieu(e, el, 'lieuEvenement', a.lieuEvenement);
  for (const p of a.personnes) ecrirePersonneActe(e, el, p);
  for (const m of a.mentions) ecrireMention(e, el, m);
}

function lireActe(l: Lecteur): unknown {
  const a = {
    type: l.attributRequis('type'),
    annee: entier(l.attributRequis('annee')),
    numero: entier(l.attributRequis('numero')),
    dateActe: l.texteEnfant('dateActe'),
    dateEvenement: l.texteEnfant('dateEvenement'),
    lieuEvenement: lireLieu(l.enfant('lieuEvenement')),
    personnes: l.enfants('personne').map(lirePersonneActe),
    mentions: l.enfants('mention').map(lireMention),
  };
  l.terminer();
  return a;
}

/** The unsigned answer. The signer adds ds:Signature as the root's last child. */
export function construireReponse(saisie: ReponseSaisie): string {
  const r = valider(ReponseSchema, saisie, 'reponse');
  const e = new Ecrivain(RACINE_REPONSE, r.version, 'reponse');
  e.attributs(e.racine, { Id: r.id, demande: r.demandeId });
  ecrireCommune(e, e.racine, 'commune', r.commune);
  e.element(e.racine, 'emiseLe', r.emiseLe);
  if (r.resultat.nature === 'positive') {
    const pos = e.element(e.racine, 'positive', null, { forme: r.resultat.forme });
    ecrireActe(e, pos, r.resultat.acte);
  } else {
    const neg = e.element(e.racine, 'negative', null, { motif: r.resultat.motif });
    e.elementSi(neg, 'commentaire', r.resultat.commentaire);
  }
  return e.serialiser();
}

/** Reads an answer (signed or not: checking the signature is the verifier's job). */
export function lireReponse(xml: string | Uint8Array, options: OptionsAnalyse = {}): Reponse {
  const { racine, version } = analyserDocument(xml, 'reponse', RACINE_REPONSE, options);
  const l = new Lecteur(racine, '', espaceDeNoms(version), 'reponse');
  l.attribut('version');
  const pos = l.enfant('positive');
  const neg = l.enfant('negative');
  if (pos && neg) throw l.erreur('resultat', 'une réponse est positive OU négative, pas les deux');
  if (!pos && !neg) throw l.erreur('resultat', 'élément « positive » ou « negative » manquant');
  let resultat: unknown;
  if (pos) {
    resultat = { nature: 'positive', forme: pos.attributRequis('forme'), acte: lireActe(pos.enfantRequis('acte')) };
    pos.terminer();
  } else {
    resultat = {
      nature: 'negative',
      motif: neg!.attributRequis('motif'),
      commentaire: neg!.texteEnfant('commentaire'),
    };
    neg!.terminer();
  }
  const brut = {
    version,
    id: l.attributRequis('Id'),
    demandeId: l.attributRequis('demande'),
    commune: lireCommune(l.enfantRequis('commune')),
    emiseLe: l.texteEnfantRequis('emiseLe'),
    resultat,
  };
  l.terminer({ signatureAutorisee: true });
  return valider(ReponseSchema, brut, 'reponse');
}
