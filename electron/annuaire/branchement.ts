import type { ServiceCarte } from '../signature';
import type { CarteAuClavier, DependancesClavier } from './clavier';
import { ServiceAnnuaire } from './service';

/** What the directory sees of the card room: the open session, and a card's public certificates. */
export function carteAuClavier(carte: ServiceCarte): CarteAuClavier {
  return {
    session() {
      const s = carte.etat().session;
      return s ? { jetonId: s.jetonId, certificats: s.certificats } : null;
    },
    certificats: (jetonId) =>
      carte.certificatsPublics(jetonId).map((c) => ({
        usage: c.usage,
        titulaire: c.titulaire,
        emetteur: c.emetteur,
        serie: c.serie,
        empreinte: c.empreinte,
        debut: c.debut.toISOString(),
        fin: c.fin.toISOString(),
        sujet: c.x509.subject,
      })),
  };
}

/**
 * The directory over a card service, with its gate on signing: the right to sign is asked at the
 * start of each batch and again before each signature. One wiring for every door that signs (the
 * app's composition root, `registre sign`), so none of them can sign around the directory.
 */
export function brancherAnnuaire(carte: ServiceCarte, deps: Omit<DependancesClavier, 'carte'>): ServiceAnnuaire {
  const annuaire = new ServiceAnnuaire({ ...deps, carte: carteAuClavier(carte) });
  carte.garderSignatures((empreinte) => annuaire.clavier.exigerDroitDeSigner(empreinte));
  return annuaire;
}
