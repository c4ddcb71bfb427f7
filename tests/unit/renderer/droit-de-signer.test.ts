import { describe, expect, it } from 'vitest';
import type { SortieAppel } from '../../../shared/contract';
import type { SessionCarteEtat } from '../../../shared/contract/carte';
import { droitDeSigner, SANS_SESSION } from '../../../renderer/src/ecrans/cartes/droit-de-signer';

/** What "Signer…" says under it: the card's word and the directory's, as the main process checks them. */
const session = (peutSigner: boolean, raison: string | null = null): SessionCarteEtat => ({
  jetonId: 'j',
  nature: 'carte',
  connecteeLe: '2026-12-05T10:00:00.000Z',
  certificats: [],
  peutSigner,
  raisonSansSignature: raison,
  avertissements: [],
  pinParSignature: false,
  lecteurAClavier: false,
});
type Poste = SortieAppel<'annuaire.etat'>['poste'];
const poste = (p: Partial<Poste>): Poste => ({
  etat: 'agent',
  message: null,
  agent: { id: 1, nomComplet: 'Jeanne MARTIN', roles: ['officier'] },
  peutSigner: true,
  refusSignature: null,
  peutGererAnnuaire: false,
  peutCreerAnnuaire: false,
  ...p,
});
const annuaire = (p: Partial<Poste>) => ({ existe: true, creeLe: '2026-12-01', poste: poste(p) });
const OFFICIER = /Pour signer, un officier de l’état civil délégué ouvre sa session avec sa propre carte\.$/;

describe('droitDeSigner : ce que dit le bouton « Signer… »', () => {
  it('sans session : que faire pour signer ; session lue mais annuaire pas encore : rien de permis, rien de dit', () => {
    expect(droitDeSigner(null, undefined)).toEqual({ peutSigner: false, raison: SANS_SESSION });
    expect(SANS_SESSION).toMatch(/officier de l’état civil délégué insère sa carte et ouvre sa session/);
    expect(droitDeSigner(session(true), undefined)).toEqual({ peutSigner: false, raison: null });
  });

  it('l’officier délégué signe ; sans annuaire, la carte seule décide (premier démarrage)', () => {
    expect(droitDeSigner(session(true), annuaire({}))).toEqual({ peutSigner: true, raison: null });
    const sans = { existe: false, creeLe: null, poste: poste({ etat: 'sans_annuaire', agent: null }) };
    expect(droitDeSigner(session(true), sans).peutSigner).toBe(true);
    const agent = droitDeSigner(session(false, 'Cette carte ne porte pas de certificat de signature.'), sans);
    expect(agent.peutSigner).toBe(false);
    expect(agent.raison).toMatch(/^Cette carte ne porte pas de certificat de signature\. /);
    expect(agent.raison).toMatch(OFFICIER);
  });

  it('l’annuaire refuse : l’agent sans délégation, la carte inconnue ou révoquée — même si la carte porte un certificat de signature', () => {
    const agent = droitDeSigner(
      session(true),
      annuaire({
        peutSigner: false,
        refusSignature: { controle: 'officier', raison: 'Paul DURAND n’est pas officier de l’état civil' },
      }),
    );
    expect(agent).toEqual({
      peutSigner: false,
      raison: expect.stringMatching(
        /^Cette carte ne peut pas signer : Paul DURAND n’est pas officier de l’état civil\. /,
      ),
    });
    expect(agent.raison).toMatch(OFFICIER);
    const inconnue = droitDeSigner(
      session(true),
      annuaire({ etat: 'carte_inconnue', agent: null, peutSigner: false, message: 'Carte inconnue de l’annuaire.' }),
    );
    expect(inconnue.peutSigner).toBe(false);
    expect(inconnue.raison).toMatch(/^Carte inconnue de l’annuaire\. Pour signer, un officier/);
    // the directory could not be read: the card's word stands, the main process checks anyway
    expect(droitDeSigner(session(true), null).peutSigner).toBe(true);
  });
});
