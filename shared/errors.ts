import { z } from 'zod';

/**
 * The typed error taxonomy. Every error that crosses the renderer/main boundary is one of
 * these codes, with a French message for the user and structured details for the code.
 * Never a bare string: the renderer decides what to show from `code`, not by parsing text.
 */
export const CodesErreur = [
  // Saisie et données
  'saisie_invalide', // details: { champ, raison } ; or { erreurs: [{champ, raison}] }
  'introuvable', // details: { quoi, id }
  'conflit', // details: { raison }
  'import_invalide', // details: { raison }
  'transition_refusee', // a request's life cycle (shared/domain/cycle-demande.ts); details: { de, vers }
  'confirmation_requise', // a negative answer while the register holds a candidate; details: { demandeId, candidats }
  'acte_a_indexer', // a negative answer while acts of that year are known only by number; details: { demandeId, actes }
  // Base de données
  'base_trop_recente', // details: { versionBase, versionApplication }
  'base_indisponible',
  // Carte agent
  'carte_absente',
  'session_requise', // a card is inserted but no session is open; details: { action }
  'carte_retiree',
  'carte_inconnue',
  'pin_incorrect', // details: { essaisRestants?: number, dernierEssai: boolean }
  'code_deblocage_incorrect', // the PUK; details: { essaisRestants?: number, dernierEssai: boolean }
  'pin_bloque',
  'pin_longueur', // details: { min?, max? }
  'pin_requis', // the card asks for the PIN and none was typed for this signature; details: { parSignature }
  'carte_changee_pendant_lot', // the card or its signature certificate is not the one the batch started with
  'operation_annulee',
  'certificat_invalide', // details: { raison }
  'droits_insuffisants', // details: { raison } ; a refused signature or session also names { controle } (shared/domain/droits-agent.ts)
  'annuaire_absent', // the directory of agents is not created yet (first start)
  'signature_invalide', // details: { raison }
  // Plateforme
  'plateforme_injoignable', // retryable
  'rejet_plateforme', // final, never retried. details: { motif }
  'format_inconnu', // details: { version }
  // Le reste
  'interne',
] as const;

export type CodeErreur = (typeof CodesErreur)[number];

export const ErreurSchema = z.object({
  code: z.enum(CodesErreur),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ErreurSerialisee = z.infer<typeof ErreurSchema>;

/** Errors that a retry may cure (network, 5xx). Everything else is final for the operation. */
export const codesRecuperables: ReadonlySet<CodeErreur> = new Set(['plateforme_injoignable', 'base_indisponible']);

export class RegistreError extends Error {
  readonly code: CodeErreur;
  readonly details?: Record<string, unknown>;

  constructor(code: CodeErreur, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'RegistreError';
    this.code = code;
    this.details = details;
  }

  toJSON(): ErreurSerialisee {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }

  static fromJSON(e: ErreurSerialisee): RegistreError {
    return new RegistreError(e.code, e.message, e.details);
  }

  get recuperable(): boolean {
    return codesRecuperables.has(this.code);
  }
}

export interface ErreurChamp {
  champ: string;
  raison: string;
}

/** A reason as a sentence: capital first letter, final full stop. */
function phrase(raison: string): string {
  const t = raison.trim();
  if (!t) return 'Saisie invalide.';
  const debut = t.charAt(0).toLocaleUpperCase('fr-FR') + t.slice(1);
  return /[.!?…]$/.test(debut) ? debut : `${debut}.`;
}

/** A wrong PIN or unblocking code, with the tries left when the card says them. */
function codeFaux(
  code: 'pin_incorrect' | 'code_deblocage_incorrect',
  debut: string,
  blocage: string,
  essaisRestants?: number,
): RegistreError {
  const dernierEssai = essaisRestants === 1;
  const suite =
    essaisRestants === undefined
      ? 'Le nombre d’essais restants est limité.'
      : dernierEssai
        ? `Attention : dernier essai ${blocage}.`
        : `Il reste ${essaisRestants} essais.`;
  return new RegistreError(code, `${debut} ${suite}`, { essaisRestants, dernierEssai });
}

/** Constructors: one place that writes the French messages. */
export const erreurs = {
  saisieInvalide(champ: string, raison: string): RegistreError {
    // The field's internal name stays in the details (the screens place the message under it):
    // a user never reads "(sorte)" or "(codeInsee)".
    return new RegistreError('saisie_invalide', phrase(raison), { champ, raison, erreurs: [{ champ, raison }] });
  },
  saisiesInvalides(liste: ErreurChamp[]): RegistreError {
    const premier = liste[0];
    const message =
      liste.length === 1
        ? phrase(premier.raison)
        : `${liste.length} champs sont à corriger : ${liste.map((e) => e.raison).join(' ; ')}.`;
    return new RegistreError('saisie_invalide', message, {
      champ: premier?.champ,
      raison: premier?.raison,
      erreurs: liste,
    });
  },
  introuvable(quoi: string, id?: string | number): RegistreError {
    return new RegistreError('introuvable', `${quoi} introuvable${id !== undefined ? ` (${id})` : ''}.`, { quoi, id });
  },
  conflit(raison: string): RegistreError {
    return new RegistreError('conflit', raison, { raison });
  },
  transitionRefusee(de: string, vers: string, message: string): RegistreError {
    return new RegistreError('transition_refusee', message, { de, vers });
  },
  /** The register holds a candidate: a negative answer must name it (`designations`: short, from the register). */
  confirmationRequise(demandeId: number, designations: string[], candidats: Record<string, unknown>[]): RegistreError {
    const quoi =
      designations.length === 1
        ? `un acte qui peut être celui demandé : ${designations[0]}`
        : `${designations.length} actes qui peuvent être celui demandé : ${designations.slice(0, 3).join(' ; ')}${designations.length > 3 ? '…' : ''}`;
    return new RegistreError(
      'confirmation_requise',
      `Le registre contient ${quoi}. Pour répondre négativement, confirmez en nommant ${designations.length === 1 ? 'cet acte' : 'chacun de ces actes'} ; sinon, répondez positivement.`,
      { demandeId, candidats },
    );
  },
  /** Acts of the request's type and year are known only by their number: index them first. */
  acteAIndexer(demandeId: number, libelle: string, actes: Record<string, unknown>[]): RegistreError {
    return new RegistreError(
      'acte_a_indexer',
      `Indexez l’acte : ${libelle} compte ${actes.length === 1 ? 'un acte connu seulement par son numéro' : `${actes.length} actes connus seulement par leur numéro`}, l’acte demandé peut en être un. Saisissez-le avant de répondre négativement.`,
      { demandeId, actes },
    );
  },
  /** The request was purged by the platform (23 days): an answer no longer counts. */
  demandePurgee(): RegistreError {
    return new RegistreError(
      'conflit',
      'Demande purgée : la réponse ne compte plus. Aucune réponse ne peut être envoyée ; le demandeur doit refaire sa demande.',
      {
        raison: 'demande purgée',
        motif: 'demande_purgee',
      },
    );
  },
  importInvalide(raison: string): RegistreError {
    return new RegistreError('import_invalide', raison, { raison });
  },
  baseTropRecente(versionBase: number, versionApplication: number): RegistreError {
    return new RegistreError(
      'base_trop_recente',
      `Cette base de données a été créée par une version plus récente de Registre (schéma ${versionBase}, ` +
        `cette version connaît le schéma ${versionApplication}). Installez la dernière version de Registre ; ` +
        `la base n'a pas été modifiée.`,
      { versionBase, versionApplication },
    );
  },
  carteAbsente(): RegistreError {
    return new RegistreError('carte_absente', 'Aucune carte agent n’est insérée dans le lecteur.');
  },
  /** A card is there, but its holder has not opened a session (PIN) for what was asked. */
  sessionRequise(
    action:
      | 'mettre à jour'
      | 'tester la connexion'
      | 'signer'
      | 'préparer une réponse'
      | 'abandonner une réponse'
      | 'mettre une demande de côté'
      | 'reprendre une demande'
      | 'préparer une demande à une autre commune'
      | 'modifier une demande à une autre commune'
      | 'abandonner une demande à une autre commune'
      | 'modifier l’annuaire'
      | 'débloquer un code PIN',
  ): RegistreError {
    return new RegistreError('session_requise', `Ouvrez une session avec votre carte (code PIN) pour ${action}.`, {
      action,
    });
  },
  carteRetiree(): RegistreError {
    return new RegistreError('carte_retiree', 'La carte a été retirée du lecteur. Réinsérez-la pour continuer.');
  },
  carteInconnue(raison?: string): RegistreError {
    return new RegistreError('carte_inconnue', `Carte non reconnue${raison ? ` : ${raison}` : '.'}`, { raison });
  },
  pinIncorrect(essaisRestants?: number): RegistreError {
    return codeFaux('pin_incorrect', 'Code PIN incorrect.', 'avant le blocage de la carte', essaisRestants);
  },
  codeDeblocageIncorrect(essaisRestants?: number): RegistreError {
    return codeFaux(
      'code_deblocage_incorrect',
      'Code de déblocage incorrect.',
      'avant le blocage définitif de la carte',
      essaisRestants,
    );
  },
  codeDeblocageBloque(): RegistreError {
    return new RegistreError(
      'pin_bloque',
      'Le code de déblocage est bloqué : la carte ne peut plus être débloquée et doit être remplacée.',
      { deblocage: true },
    );
  },
  pinBloque(): RegistreError {
    return new RegistreError(
      'pin_bloque',
      'Le code PIN est bloqué. Le responsable cartes peut le débloquer avec le code de déblocage (PUK).',
    );
  },
  pinLongueur(min?: number, max?: number): RegistreError {
    const bornes = min && max ? ` (entre ${min} et ${max} caractères)` : '';
    return new RegistreError('pin_longueur', `La longueur du code PIN n’est pas valide${bornes}.`, { min, max });
  },
  /** No PIN typed for a signature the card protects (a qualified key asks for it each time). */
  pinRequis(parSignature: boolean): RegistreError {
    return new RegistreError(
      'pin_requis',
      parSignature
        ? 'Cette carte demande le code PIN à chaque signature : saisissez-le pour cette signature.'
        : 'Saisissez le code PIN de la carte pour signer.',
      { parSignature },
    );
  },
  carteChangeePendantLot(): RegistreError {
    return new RegistreError(
      'carte_changee_pendant_lot',
      'La carte ou son certificat de signature a changé pendant le lot : le lot est arrêté. Ce qui est signé le reste ; ' +
        'relancez la signature du reste avec la carte en place.',
    );
  },
  operationAnnulee(): RegistreError {
    return new RegistreError('operation_annulee', 'Opération annulée.');
  },
  certificatInvalide(raison: string): RegistreError {
    return new RegistreError('certificat_invalide', `Certificat refusé : ${raison}`, { raison });
  },
  droitsInsuffisants(raison: string): RegistreError {
    return new RegistreError('droits_insuffisants', raison, { raison });
  },
  /** The card's authentication certificate names no card of the directory. */
  carteHorsAnnuaire(): RegistreError {
    return new RegistreError(
      'carte_inconnue',
      'Carte inconnue de l’annuaire : demandez au responsable cartes de l’enregistrer.',
      { raison: 'hors_annuaire' },
    );
  },
  /** A right of the directory refused (sign, open a session, manage the directory): the failed check is named. */
  nonAutorise(
    quoi: 'Signature' | 'Session' | 'Gestion de l’annuaire',
    controle: string,
    raison: string,
  ): RegistreError {
    return new RegistreError('droits_insuffisants', `${quoi} non autorisée : ${raison}`, { controle, raison });
  },
  /** Once the directory exists, unblocking a card's PIN is the card manager's (or their deputy's). */
  deblocageReserve(raison: string): RegistreError {
    return new RegistreError(
      'droits_insuffisants',
      `Déblocage du code PIN non autorisé : ${raison}. Seul le responsable cartes ou son délégué, depuis sa propre session de carte, débloque un code PIN.`,
      { controle: 'responsable_cartes', raison },
    );
  },
  annuaireAbsent(): RegistreError {
    return new RegistreError(
      'annuaire_absent',
      'L’annuaire des agents n’est pas encore créé : le premier officier le crée depuis sa session de carte (onglet « Agents et droits »).',
    );
  },
  signatureInvalide(raison: string): RegistreError {
    return new RegistreError('signature_invalide', `Signature invalide : ${raison}`, { raison });
  },
  plateformeInjoignable(raison?: string): RegistreError {
    return new RegistreError(
      'plateforme_injoignable',
      'La plateforme COMEDEC est injoignable pour le moment. Nouvel essai automatique plus tard.',
      { raison },
    );
  },
  rejetPlateforme(motif: string, message?: string): RegistreError {
    return new RegistreError('rejet_plateforme', message ?? `Rejeté par la plateforme : ${motif}`, { motif });
  },
  /**
   * A document refused before it is read (shared/xml/prebalayage.ts): `motif` is the reader's
   * verdict (trop_complexe, xml_mal_forme, dtd_interdite, encodage_invalide); `raison` quotes
   * the input only through citer().
   */
  xmlRefuse(motif: string, raison: string, position?: number): RegistreError {
    return new RegistreError('saisie_invalide', `Document XML refusé : ${raison}.`, {
      motif,
      champ: 'document',
      raison,
      position,
      erreurs: [{ champ: 'document', raison }],
    });
  },
  formatInconnu(version: string): RegistreError {
    return new RegistreError('format_inconnu', `Version de format inconnue : « ${version} ».`, { version });
  },
  baseOccupee(): RegistreError {
    return new RegistreError(
      'base_indisponible',
      'Le registre est occupé par un import en cours. Rien n’a été perdu : réessayez quand l’import sera terminé.',
    );
  },
  interne(raison?: string): RegistreError {
    // No personal data here: the reason is a technical summary only.
    return new RegistreError(
      'interne',
      'Erreur interne. L’opération n’a pas été effectuée.',
      raison ? { raison } : undefined,
    );
  },
};

/** Turns anything thrown into a RegistreError, without leaking stack traces or personal data. */
export function versRegistreError(e: unknown): RegistreError {
  if (e instanceof RegistreError) return e;
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) {
    const parsed = ErreurSchema.safeParse(e);
    if (parsed.success) return RegistreError.fromJSON(parsed.data);
  }
  return erreurs.interne(e instanceof Error ? e.name : typeof e);
}
