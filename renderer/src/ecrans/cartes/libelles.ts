import type { CertificatCarte, Jeton } from '../../../../shared/contract/carte';

export const libelleEtatPin: Record<Jeton['etatPin'], string> = {
  normal: 'PIN : essais disponibles',
  essais_bas: 'PIN : peu d’essais restants',
  dernier_essai: 'PIN : dernier essai',
  bloque: 'PIN bloqué',
};

export const couleurEtatPin: Record<Jeton['etatPin'], 'success' | 'warning' | 'danger'> = {
  normal: 'success',
  essais_bas: 'warning',
  dernier_essai: 'danger',
  bloque: 'danger',
};

export const libelleUsage: Record<CertificatCarte['usage'], string> = {
  authentification: 'Authentification',
  signature: 'Signature',
  autorite: 'Autorité de certification',
  autre: 'Autre usage',
};

export function libelleValidite(c: CertificatCarte): string {
  switch (c.validite) {
    case 'valide':
      return 'Valide';
    case 'expire_bientot':
      return `Expire dans ${c.joursRestants} jour${c.joursRestants > 1 ? 's' : ''}`;
    case 'expire':
      return 'Expiré';
    case 'pas_encore_valide':
      return 'Pas encore valide';
  }
}

export const couleurValidite: Record<CertificatCarte['validite'], 'success' | 'warning' | 'danger'> = {
  valide: 'success',
  expire_bientot: 'warning',
  expire: 'danger',
  pas_encore_valide: 'danger',
};

export const dateFr = (iso: string) => new Date(iso).toLocaleDateString('fr-FR');
