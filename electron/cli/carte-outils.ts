import os from 'node:os';
import path from 'node:path';
import { horlogeSysteme } from '../horloge';
import { ServiceCarte } from '../signature';

/** The card service for one command: library from --bibliotheque, REGISTRE_PKCS11 or the table. */
export function serviceCarteCli(bibliotheque?: string): ServiceCarte {
  return new ServiceCarte({
    horloge: horlogeSysteme,
    parametres: () => ({ bibliotheque: bibliotheque ?? null, mode: 'reelle', confiancePem: '' }),
    dossierFormation: path.join(os.tmpdir(), 'registre-sans-formation'),
    environnement: process.env.REGISTRE_PKCS11 ?? null,
  });
}
