import {
  PLANIFICATION_PAR_DEFAUT,
  PlanificationSchema,
  PlateformeSchema,
  SmtpSchema,
  type ParametresPlateforme,
  type ParametresSmtp,
  type Planification,
} from '../../shared/contract/sync';
import type { DepotParametres } from '../parametres';

/**
 * The sync settings in the `parametres` table, read again at each use (a change applies to the
 * next sync without a restart). Stored values are validated on the way out too: a hand-edited
 * or older value falls back to "not configured" instead of breaking the engine.
 *
 * The SMTP password is stored apart and never returned to the renderer. Limit: it is stored in
 * clear in the local database (the OS keychain is only reachable from Electron's main
 * process; the database lives in the user's profile, like the mail client's own settings).
 */
const CLES = {
  plateforme: 'sync.plateforme',
  planification: 'sync.planification',
  smtp: 'sync.smtp',
  motDePasse: 'sync.smtp.motDePasse',
} as const;

export class ParametresSync {
  constructor(private readonly depot: DepotParametres) {}

  plateforme(): ParametresPlateforme | null {
    const r = PlateformeSchema.safeParse(this.depot.lire(CLES.plateforme));
    return r.success ? r.data : null;
  }

  planification(): Planification {
    const r = PlanificationSchema.safeParse(this.depot.lire(CLES.planification));
    return r.success ? r.data : PLANIFICATION_PAR_DEFAUT;
  }

  smtp(): (ParametresSmtp & { motDePasse: string | null }) | null {
    const r = SmtpSchema.safeParse(this.depot.lire(CLES.smtp));
    if (!r.success) return null;
    return { ...r.data, motDePasse: this.depot.lire<string>(CLES.motDePasse) };
  }

  enregistrerPlateforme(p: ParametresPlateforme): void {
    this.depot.ecrire(CLES.plateforme, PlateformeSchema.parse(p));
  }

  enregistrerPlanification(p: Planification): void {
    this.depot.ecrire(CLES.planification, PlanificationSchema.parse(p));
  }

  /** `motDePasse`: undefined keeps the stored one, null removes it. */
  enregistrerSmtp(s: ParametresSmtp, motDePasse: string | null | undefined): void {
    this.depot.ecrire(CLES.smtp, SmtpSchema.parse(s));
    if (motDePasse !== undefined) this.depot.ecrire(CLES.motDePasse, motDePasse);
  }
}
