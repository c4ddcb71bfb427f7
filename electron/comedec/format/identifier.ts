import { citer } from '../../../shared/citation';
import { decoderDocument, parserXml, versionDeRacine, type OptionsAnalyse } from './analyse';
import { RACINE_ACCUSE } from './accuse';
import { RACINE_DEMANDE } from './demande';
import { RACINE_DEMANDE_EMISE } from './demande-emise';
import { erreurDocument } from './erreurs';
import { RACINE_REJET } from './rejet';
import { RACINE_REPONSE } from './reponse';
import type { VersionFormat } from '../../../shared/comedec';

export type NomRacine =
  | typeof RACINE_DEMANDE
  | typeof RACINE_REPONSE
  | typeof RACINE_ACCUSE
  | typeof RACINE_REJET
  | typeof RACINE_DEMANDE_EMISE;

export interface DocumentIdentifie {
  racine: NomRacine;
  version: VersionFormat;
}

const racines: readonly string[] = [RACINE_DEMANDE, RACINE_REPONSE, RACINE_ACCUSE, RACINE_REJET, RACINE_DEMANDE_EMISE];

/**
 * Which document this is and in which version, with the same safety checks as the parsers
 * (size, encoding, no DTD). For a caller that dispatches before reading (an HTTP body that may
 * be a receipt or a rejection).
 */
export function identifierDocument(xml: string | Uint8Array, options: OptionsAnalyse = {}): DocumentIdentifie {
  const racine = parserXml(decoderDocument(xml, 'document', options), 'document');
  const version = versionDeRacine(racine, 'document');
  const nom = String(racine.localName);
  if (!racines.includes(nom))
    throw erreurDocument('document', 'document_inattendu', 'document', `document « ${citer(nom)} » inconnu`);
  return { racine: nom as NomRacine, version };
}
