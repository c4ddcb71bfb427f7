/**
 * The directory room's public face: agents, roles and delegations, the agents' cards and their
 * life, who is at the keyboard and the right to sign (the composition root wires the gates).
 */
export { ServiceAnnuaire } from './service';
export { brancherAnnuaire, carteAuClavier } from './branchement';
export { gestionnairesAnnuaire } from './gestionnaires';
export { DocumentsAnnuaire, type DependancesDocuments } from './documents/service';
export type { CarteAuClavier, CertificatLu, Clavier } from './clavier';
