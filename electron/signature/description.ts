import type { CertificatCarte, Jeton } from '../../shared/contract/carte';
import { estCertificatFormation, validite, type CertificatAnalyse } from './certificats';
import type { JetonVu } from './jetons';

/** Contract views of what the card holds (dates as ISO strings, validity as of `maintenant`). */
export function decrireCertificat(c: CertificatAnalyse, maintenant: Date): CertificatCarte {
  const v = validite(c, maintenant);
  return {
    usage: c.usage,
    titulaire: c.titulaire,
    prenom: c.prenom,
    nom: c.nom,
    titre: c.titre,
    organisation: c.organisation,
    uniteOrganisation: c.uniteOrganisation,
    emetteur: c.emetteur,
    serie: c.serie,
    empreinte: c.empreinte,
    debut: c.debut.toISOString(),
    fin: c.fin.toISOString(),
    validite: v.validite,
    joursRestants: v.joursRestants,
    algorithme: c.algorithme,
    formation: estCertificatFormation(c),
  };
}

export function decrireJeton(j: JetonVu, nature: 'carte' | 'formation' = 'carte', refus: string | null = null): Jeton {
  return {
    id: j.id,
    nature,
    label: j.label,
    fabricant: j.fabricant,
    modele: j.modele,
    serie: j.serie,
    pinRequis: j.pinRequis,
    cheminProtege: j.cheminProtege,
    etatPin: j.etatPin,
    pinMin: j.pinMin,
    pinMax: j.pinMax,
    refus,
  };
}

/** French warnings for the card panel: expiry within 60 days, expired, not yet valid. */
export function avertissements(certificats: readonly CertificatCarte[]): string[] {
  const libelle = {
    authentification: 'd’authentification',
    signature: 'de signature',
    autorite: 'd’autorité',
    autre: '',
  } as const;
  const liste: string[] = [];
  for (const c of certificats) {
    if (c.usage === 'autorite') continue;
    const quoi = `Le certificat ${libelle[c.usage]}`.trim();
    const fin = new Date(c.fin).toLocaleDateString('fr-FR');
    if (c.validite === 'expire') liste.push(`${quoi} a expiré le ${fin}.`);
    else if (c.validite === 'pas_encore_valide') liste.push(`${quoi} n’est pas encore valide.`);
    else if (c.validite === 'expire_bientot') {
      liste.push(
        `${quoi} expire le ${fin} (dans ${c.joursRestants} jour${c.joursRestants > 1 ? 's' : ''}) : demandez le renouvellement de la carte.`,
      );
    }
  }
  return liste;
}
