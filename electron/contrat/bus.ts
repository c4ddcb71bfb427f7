import { evenements, type ChargeEvenement, type NomEvenement } from '../../shared/contract';

/** A transport's subscriber: every event, forwarded to the renderer as is. */
export type AbonneEvenement = (nom: NomEvenement, charge: unknown) => void;

/**
 * The event side of the contract: what the renderer hears. Services emit typed events; each
 * transport (Electron IPC, harness SSE) subscribes once to all of them and forwards. Payloads
 * are validated on the way out so a service can never send the renderer something the
 * contract does not declare. Rooms do not use it to call each other (app.ts wires that).
 */
export class BusEvenements {
  private readonly abonnes = new Set<AbonneEvenement>();

  emettre<E extends NomEvenement>(nom: E, charge: ChargeEvenement<E>): void {
    const valide = evenements[nom].charge.parse(charge);
    for (const abonne of this.abonnes) {
      try {
        abonne(nom, valide);
      } catch {
        // A broken subscriber (closed window, dropped SSE) must not stop the others.
      }
    }
  }

  /** One event, its payload typed by its name (like the renderer's `api.ecouter`). */
  abonner<E extends NomEvenement>(nom: E, rappel: (charge: ChargeEvenement<E>) => void): () => void;
  /** Every event (the transports, and tests that record what the renderer would hear). */
  abonner(abonne: AbonneEvenement): () => void;
  abonner<E extends NomEvenement>(
    nomOuAbonne: E | AbonneEvenement,
    rappel?: (charge: ChargeEvenement<E>) => void,
  ): () => void {
    const abonne: AbonneEvenement =
      typeof nomOuAbonne === 'function'
        ? nomOuAbonne
        : (nom, charge) => {
            // `charge` was parsed by this event's own schema in `emettre`.
            if (nom === nomOuAbonne) rappel!(charge as ChargeEvenement<E>);
          };
    this.abonnes.add(abonne);
    return () => this.abonnes.delete(abonne);
  }
}
