import { createHash, randomUUID } from 'node:crypto';
import type { Personne } from '../../shared/domain/acte';
import {
  construireReponse,
  type ActeReponse,
  type CommunePlateforme,
  type ParentDeclare,
  type Resultat,
  type VersionFormat,
} from '../../electron/comedec';
import { SignateurXades } from '../../electron/signature';
import { emettreOfficierSimule, type AutoriteEmettrice } from '../pki/autorites';
import type { DemandeNeutre } from '../depots/demandes';
import { communeOfficielle } from './libelle';

/** A number in [0, 1) drawn from a request id: the same request always gets the same fate. */
function tirage(id: string, sel: string): number {
  return createHash('sha256').update(`${sel}:${id}`).digest().readUInt32BE(0) / 2 ** 32;
}

function parent(role: Personne['role'], p: ParentDeclare | null, sexe: 'M' | 'F' | null): Personne[] {
  return p
    ? [{ role, nom: p.nom, prenoms: p.prenoms, sexe, dateNaissance: null, lieuNaissance: null, profession: null }]
    : [];
}

function lendemain(iso: string): string {
  return new Date(new Date(`${iso}T12:00:00Z`).getTime() + 24 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * The act a simulated commune "finds": what was declared, as its register would write it.
 * (A simulated commune has no register; the point is a signed, well-formed answer.)
 */
function acteTrouve(
  d: DemandeNeutre & { id: string },
  lieu: { commune: string; codeInsee: string },
): ActeReponse | null {
  const p = d.personne;
  const date = d.typeActe === 'naissance' ? p.dateNaissance : (d.evenement?.date ?? null);
  if (!date) return null;
  const titulaire: Personne = {
    role: d.typeActe === 'mariage' ? 'epoux1' : 'titulaire',
    nom: p.nom,
    prenoms: p.prenoms,
    sexe: p.sexe,
    dateNaissance: p.dateNaissance,
    lieuNaissance: p.lieuNaissance,
    profession: null,
  };
  const personnes: Personne[] =
    d.typeActe === 'mariage'
      ? [titulaire, ...parent('epoux2', d.conjoint, null)]
      : [titulaire, ...parent('pere', d.pere, 'M'), ...parent('mere', d.mere, 'F')];
  return {
    type: d.typeActe,
    annee: Number(date.slice(0, 4)),
    numero: 1 + Math.floor(tirage(d.id, 'numero') * 400),
    dateActe: d.typeActe === 'mariage' ? date : lendemain(date),
    dateEvenement: date,
    lieuEvenement: { commune: lieu.commune, codeInsee: lieu.codeInsee, departement: null, pays: null },
    personnes,
    mentions: [],
  };
}

/**
 * The communes that are not mailboxes of this platform answer the requests sent to them, with
 * an answer signed by a simulated officer whose certificate the test CA issued.
 */
export class CommunesSimulees {
  private readonly signataires = new Map<string, Promise<SignateurXades>>();

  constructor(
    private readonly ac: AutoriteEmettrice,
    private readonly formation: boolean,
  ) {}

  private signataire(commune: CommunePlateforme, maintenant: Date): Promise<SignateurXades> {
    let s = this.signataires.get(commune.codeInsee);
    if (!s) {
      s = emettreOfficierSimule(this.ac, commune, this.formation, maintenant).then(
        ({ certificat, cle }) =>
          new SignateurXades({
            nature: this.formation ? 'formation' : 'carte',
            certificat,
            chaine: [this.ac.certificat],
            cle,
          }),
      );
      this.signataires.set(commune.codeInsee, s);
    }
    return s;
  }

  async repondre(
    demande: DemandeNeutre & { id: string },
    commune: CommunePlateforme,
    version: VersionFormat,
    proportionNonDetenus: number,
    maintenant: Date,
  ): Promise<string> {
    const nom = communeOfficielle(commune.codeInsee)?.nom ?? commune.libelle;
    const acte = acteTrouve(demande, { commune: nom, codeInsee: commune.codeInsee });
    const resultat: Resultat = !acte
      ? { nature: 'negative', motif: 'donnees_insuffisantes', commentaire: 'Date de l’événement non renseignée.' }
      : tirage(demande.id, 'detenu') < proportionNonDetenus
        ? { nature: 'negative', motif: 'acte_non_detenu', commentaire: null }
        : { nature: 'positive', forme: 'copie_integrale', acte };
    const xml = construireReponse({
      version,
      id: `REP-${randomUUID()}`,
      demandeId: demande.id,
      commune,
      emiseLe: maintenant.toISOString(),
      resultat,
    });
    return (await this.signataire(commune, maintenant)).signer(xml, { horodatage: maintenant });
  }
}
