import type { EtatCartes, Jeton } from '../../../shared/contract/carte';
import type { Commune } from '../../../shared/contract/parametres';
import { dateLongue } from '../../../shared/domain/dates';
import { jourParis } from '../../../shared/domain/echeances';
import { A_REMPLIR, type Bloc, type Fiche } from './rendu';
import { enteteCommune } from './proces-verbaux';

/**
 * The card-fault check sheet: what Registre sees of the card right now (readers, token, PIN
 * tries, certificates and their validity, PKCS#11 library), to send with a faulty card or to
 * read over the phone to the support. It needs no directory: a fault can come first.
 */

export interface CertificatVu {
  usage: string;
  titulaire: string;
  emetteur: string;
  serie: string;
  debut: string;
  fin: string;
}

export interface SourcesFiche {
  commune: Commune | null;
  etat: EtatCartes;
  /** The token examined (the session's, or the one asked for), with its reader; null: none seen. */
  jeton: { jeton: Jeton; lecteur: string; certificats: readonly CertificatVu[] } | null;
  /** The holder as the directory knows them, when it does. */
  titulaireAnnuaire: string | null;
  maintenant: Date;
}

const ESSAIS_PIN: Record<Jeton['etatPin'], string> = {
  normal: 'plusieurs essais restants',
  essais_bas: 'essais bas : une erreur de plus peut rapprocher du blocage',
  dernier_essai: 'un seul essai restant',
  bloque: 'PIN bloqué (aucun essai restant)',
};

const ouiNon = (b: boolean) => (b ? 'oui' : 'non');

function validite(c: CertificatVu, maintenant: Date): string {
  const t = maintenant.getTime();
  const etat =
    t < new Date(c.debut).getTime() ? 'pas encore valide' : t > new Date(c.fin).getTime() ? 'EXPIRÉ' : 'valide';
  return `du ${dateLongue(jourParis(c.debut))} au ${dateLongue(jourParis(c.fin))} (${etat})`;
}

function blocsJeton(s: SourcesFiche): Bloc[] {
  if (!s.jeton) return [{ intertitre: 'La carte examinée' }, { texte: 'Aucune carte vue dans un lecteur.' }];
  const { jeton, lecteur, certificats } = s.jeton;
  const session = s.etat.session?.jetonId === jeton.id ? s.etat.session : null;
  return [
    { intertitre: 'La carte examinée' },
    {
      champs: [
        ['Lecteur', lecteur],
        ['Étiquette', jeton.label],
        ['Fabricant', jeton.fabricant],
        ['Modèle', jeton.modele],
        ['Numéro de série', jeton.serie],
        ['Titulaire selon l’annuaire', s.titulaireAnnuaire ?? 'inconnu (pas d’annuaire, ou carte non enregistrée)'],
        ['Essais de PIN', ESSAIS_PIN[jeton.etatPin]],
        ['Longueur du PIN', `de ${jeton.pinMin} à ${jeton.pinMax} caractères`],
        ['Lecteur à clavier', ouiNon(jeton.cheminProtege)],
        ['Refus connu sans PIN', jeton.refus ?? 'aucun'],
        ['Session ouverte', session ? `oui, depuis le ${session.connecteeLe}` : 'non'],
        ...(session
          ? ([
              ['Peut signer', session.peutSigner ? 'oui' : `non (${session.raisonSansSignature ?? 'raison inconnue'})`],
              ['PIN demandé à chaque signature', ouiNon(session.pinParSignature)],
            ] as const)
          : []),
      ],
    },
    { intertitre: 'Les certificats de la carte' },
    ...(certificats.length
      ? certificats.map((c): Bloc => ({
          champs: [
            [`Certificat (${c.usage})`, c.titulaire],
            ['Émetteur', c.emetteur],
            ['Numéro de série', c.serie],
            ['Validité', validite(c, s.maintenant)],
          ],
        }))
      : [{ texte: 'Aucun certificat lisible sur la carte.' }]),
    ...(session?.avertissements.length
      ? [{ champs: session.avertissements.map((a) => ['Avertissement', a] as const) }]
      : []),
  ];
}

export function ficheDysfonctionnement(s: SourcesFiche): Fiche {
  const { etat } = s;
  return {
    titre: 'FICHE DE CONTRÔLE D’UNE CARTE EN DYSFONCTIONNEMENT',
    entete: s.commune ? enteteCommune(s.commune) : ['Registre : état civil'],
    blocs: [
      {
        texte: `Relevé fait par Registre le ${dateLongue(jourParis(s.maintenant))} à ${s.maintenant.toISOString().slice(11, 16)} UTC.`,
      },
      { intertitre: 'Bibliothèques PKCS#11' },
      ...(etat.bibliotheques.length
        ? etat.bibliotheques.map((b): Bloc => ({
            champs: [
              ['Chemin', b.chemin],
              [
                'Chargée',
                b.chargee
                  ? `oui${b.description ? ` (${b.description})` : ''}`
                  : `non${b.erreur ? ` : ${b.erreur}` : ''}`,
              ],
            ],
          }))
        : [{ texte: 'Aucune bibliothèque PKCS#11 trouvée.' }]),
      { intertitre: 'Lecteurs vus' },
      ...(etat.lecteurs.length
        ? [
            {
              champs: etat.lecteurs.map(
                (l) => [l.nom, l.carte ? `carte « ${l.carte.label} »` : 'aucune carte'] as const,
              ),
            },
          ]
        : [{ texte: 'Aucun lecteur vu.' }]),
      ...blocsJeton(s),
      { intertitre: 'Le constat' },
      {
        champs: [
          ['Symptôme', A_REMPLIR],
          ['Depuis quand', A_REMPLIR],
          ['Poste de travail', A_REMPLIR],
        ],
      },
    ],
    signatures: [
      ['L’agent', s.titulaireAnnuaire ?? A_REMPLIR],
      ['Le responsable cartes', A_REMPLIR],
    ],
    pied: [`Mode des cartes : ${etat.mode === 'formation' ? 'formation' : 'cartes réelles'}.`],
  };
}
