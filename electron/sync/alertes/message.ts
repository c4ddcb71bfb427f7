import { jourFrancais } from '../../../shared/domain/echeances';
import { libelleTypeActe } from '../../../shared/labels.fr';
import type { TypeActe } from '../../../shared/domain/acte';

/**
 * The alert e-mail sent to the office's functional address when new requests arrive.
 *
 * What it carries, on purpose: counts (total, by act type) and the earliest last day to answer,
 * of real requests only; specimen requests (the platform's connection tests) are never counted:
 * they are mentioned apart, and alone they still make a message (they are answered like others). What it never carries: names, dates or places of birth, the requester's reference,
 * the platform's identifiers: a functional mailbox is read by several people, is often
 * forwarded, and sits on a mail server outside the workstation's protection. The officer reads
 * the requests themselves in Registre.
 */
export interface NouvellesDemandes {
  /** New real requests (specimens never counted). */
  nombre: number;
  /** New specimen requests, apart. */
  specimens: number;
  /** Real requests by act type. */
  parType: Partial<Record<TypeActe, number>>;
  /** Earliest last day to answer among the new real requests (aaaa-mm-jj), if known. */
  jourLimitePlusProche: string | null;
}

export interface Courriel {
  sujet: string;
  texte: string;
}

const pluriel = (n: number, un: string, plusieurs: string) => `${n} ${n > 1 ? plusieurs : un}`;

const FIN = [
  'Ouvrez Registre, écran « Demandes », pour les consulter.',
  '',
  'Ce message est envoyé automatiquement par Registre. Il ne contient volontairement aucune donnée personnelle.',
];

export function courrielNouvellesDemandes(n: NouvellesDemandes, libelleCommune: string): Courriel {
  if (n.nombre === 0) return courrielSpecimens(n.specimens, libelleCommune);
  const quoi = pluriel(n.nombre, 'nouvelle demande COMEDEC', 'nouvelles demandes COMEDEC');
  const echeance = n.jourLimitePlusProche ? ` (à traiter au plus tard le ${jourFrancais(n.jourLimitePlusProche)})` : '';
  const types = (Object.keys(libelleTypeActe) as TypeActe[])
    .filter((t) => (n.parType[t] ?? 0) > 0)
    .map((t) => `  - ${libelleTypeActe[t]} : ${n.parType[t]}`);
  const lignes = [
    'Bonjour,',
    '',
    `${quoi} ${n.nombre > 1 ? 'sont arrivées' : 'est arrivée'} pour ${libelleCommune}${echeance}.`,
    '',
    ...(types.length ? ['Par type d’acte :', ...types, ''] : []),
    ...(n.specimens > 0
      ? [
          `Et ${pluriel(n.specimens, 'demande spécimen', 'demandes spécimens')} (test de raccordement), ${n.specimens > 1 ? 'non comptées' : 'non comptée'}.`,
          '',
        ]
      : []),
    ...FIN,
  ];
  return { sujet: `[Registre] ${quoi}${echeance}`, texte: lignes.join('\n') };
}

/** Specimens alone: no request to count, but a connection test to answer like a request. */
function courrielSpecimens(specimens: number, libelleCommune: string): Courriel {
  const quoi = `${pluriel(specimens, 'demande spécimen', 'demandes spécimens')} (test de raccordement)`;
  const lignes = [
    'Bonjour,',
    '',
    `Aucune nouvelle demande COMEDEC pour ${libelleCommune}, mais ${quoi} : ${specimens > 1 ? 'elles se traitent' : 'elle se traite'} comme une demande, sans être ${specimens > 1 ? 'comptées' : 'comptée'}.`,
    '',
    ...FIN,
  ];
  return { sujet: `[Registre] ${quoi}`, texte: lignes.join('\n') };
}
