import { evenements, type ChargeEvenement, type NomEvenement } from '../../shared/contract';

export type AbonneEvenement = (nom: NomEvenement, charge: unknown) => void;

/**
 * The event side of the contract. Services emit typed events; each transport (Electron IPC,
 * harness SSE) subscribes once and forwards. Payloads are validated on the way out so a
 * service can never send the renderer something the contract does not declare.
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

  abonner(abonne: AbonneEvenement): () => void {
    this.abonnes.add(abonne);
    return () => this.abonnes.delete(abonne);
  }
}
