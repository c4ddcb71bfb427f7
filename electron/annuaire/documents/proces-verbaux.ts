import type { Commune } from '../../../shared/contract/parametres';
import { LIBELLES_MOTIF_REVOCATION, carteEnService } from '../../../shared/domain/cycle-carte';
import { dateLongue } from '../../../shared/domain/dates';
import { nomComplet } from '../../../shared/domain/droits-agent';
import { LIBELLES_PIECE_IDENTITE } from '../../../shared/domain/piece-identite';
import { erreurs } from '../../../shared/errors';
import type { AgentLigne } from '../depot-agents';
import type { CarteLigne, CertificatCarteEnregistre, PieceRemise } from '../depot-cartes';
import { A_REMPLIR, type Bloc, type Fiche } from './rendu';

/**
 * The handover and destruction records of an agent's card, composed from the directory: what
 * the card manager prints, has signed, and files. Pure composition; the PDF is rendu.ts's.
 */

export interface SourcesProcesVerbal {
  commune: Commune;
  carte: CarteLigne;
  agent: AgentLigne;
  /** Day (Paris) of the record, aaaa-mm-jj. */
  jour: string;
  creeLe: string;
}

export function enteteCommune(commune: Commune): string[] {
  return [`Commune de ${commune.nom}`, `Code INSEE ${commune.codeInsee}`, 'Service de l’état civil'];
}

function certificat(c: CertificatCarteEnregistre | null): string {
  return c ? `${c.sujet ?? 'sujet inconnu'}, émis par ${c.emetteur}, numéro de série ${c.serie}` : 'aucun';
}

function blocsCarte(carte: CarteLigne, finValidite: string): Bloc[] {
  return [
    { intertitre: 'La carte' },
    {
      champs: [
        ['Carte n°', String(carte.id)],
        ['Certificat d’authentification', certificat(carte.authentification)],
        ['Certificat de signature', certificat(carte.signature)],
        ['Valable jusqu’au', dateLongue(finValidite)],
      ],
    },
  ];
}

function blocsAgent(agent: AgentLigne): Bloc[] {
  return [
    {
      champs: [
        ['Nom', agent.nom],
        ['Prénoms', agent.prenoms],
        ['Date de naissance', dateLongue(agent.dateNaissance)],
        ['Fonction', agent.fonction],
      ],
    },
  ];
}

const pied = (creeLe: string) => [`Document établi par Registre le ${dateLongue(creeLe.slice(0, 10))}.`];

export function procesVerbalRemise(
  s: SourcesProcesVerbal & { piece: PieceRemise | null; remisPar: string; finValidite: string },
): Fiche {
  const { carte, agent, commune } = s;
  if (!carte.remiseLe) throw erreurs.conflit(`La carte n° ${carte.id} n’a pas encore été remise.`);
  return {
    titre: 'PROCÈS-VERBAL DE REMISE D’UNE CARTE AGENT',
    entete: enteteCommune(commune),
    blocs: [
      {
        texte: `Le ${dateLongue(carte.remiseLe)}, à ${commune.nom}, la carte agent de l’état civil décrite ci-dessous a été remise en main propre à l’agent suivant, dont l’identité a été vérifiée sur présentation d’une pièce d’identité.`,
      },
      { intertitre: 'L’agent (état civil comme sur la pièce d’identité)' },
      ...blocsAgent(agent),
      { intertitre: 'La pièce d’identité présentée' },
      {
        champs: s.piece
          ? [
              ['Nature', LIBELLES_PIECE_IDENTITE[s.piece.nature]],
              ['Numéro', `se terminant par ${s.piece.finNumero}`],
            ]
          : [
              ['Nature', A_REMPLIR],
              ['Numéro (4 derniers caractères)', A_REMPLIR],
            ],
      },
      ...blocsCarte(carte, s.finValidite),
      { intertitre: 'La remise' },
      { champs: [['Remise par', s.remisPar]] },
      {
        texte:
          'Le titulaire reconnaît avoir reçu la carte. Il s’engage à garder son code PIN secret, à ne jamais prêter sa carte et à signaler sans délai au responsable cartes toute perte, tout vol ou tout dysfonctionnement.',
      },
    ],
    signatures: [
      ['Le titulaire de la carte', nomComplet(agent)],
      ['Le responsable cartes', s.remisPar],
    ],
    pied: pied(s.creeLe),
  };
}

export function procesVerbalDestruction(s: SourcesProcesVerbal & { detruitePar: string; finValidite: string }): Fiche {
  const { carte, agent, commune } = s;
  if (carteEnService(carte.etat) || carte.etat === 'commandee')
    throw erreurs.conflit(
      `La carte n° ${carte.id} n’est ni révoquée, ni expirée, ni renouvelée : elle ne se détruit pas.`,
    );
  const raison =
    carte.etat === 'revoquee' && carte.motifRevocation
      ? `carte révoquée (${LIBELLES_MOTIF_REVOCATION[carte.motifRevocation]})`
      : carte.etat === 'expiree'
        ? 'carte expirée'
        : 'carte renouvelée (remplacée par une nouvelle carte)';
  return {
    titre: 'PROCÈS-VERBAL DE DESTRUCTION D’UNE CARTE AGENT',
    entete: enteteCommune(commune),
    blocs: [
      {
        texte: `Le ${dateLongue(s.jour)}, à ${commune.nom}, la carte agent de l’état civil décrite ci-dessous a été détruite (puce et bande coupées), de sorte qu’elle ne puisse plus servir.`,
      },
      { intertitre: 'Le titulaire de la carte' },
      ...blocsAgent(agent),
      ...blocsCarte(carte, s.finValidite),
      { intertitre: 'La destruction' },
      {
        champs: [
          ['Date', dateLongue(s.jour)],
          ['Motif', raison],
          ['Détruite par', s.detruitePar],
        ],
      },
    ],
    signatures: [
      ['Le responsable cartes', s.detruitePar],
      ['Le témoin', A_REMPLIR],
    ],
    pied: pied(s.creeLe),
  };
}
