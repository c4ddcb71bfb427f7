import { z } from 'zod';
import { construireDemande, DemandeSchema, type CommunePlateforme } from '../../electron/comedec';
import { RegistreError } from '../../shared/errors';
import type { Horloge } from '../../electron/horloge';
import type { CommuneBoite, DepotCommunes } from '../depots/communes';
import type { Attendu, DepotDemandes, OrigineDemande } from '../depots/demandes';
import type { DepotReglages } from '../depots/reglages';
import { genererDemandes, genererSpecimens, type DemandeGeneree, type DemandePreparee } from '../generation/generateur';
import { sourceRegistre, sourceSynthetique } from '../generation/source-actes';
import { rejeter } from '../rejets';
import { nouvelIdDemande } from './accuses';
import { lireCertificatClient } from './certificat-agent';
import { delaisDepuis } from './delais';
import { communeOfficielle } from './libelle';

const JOUR_MS = 24 * 3600 * 1000;

export const InscriptionSchema = z.object({
  codeInsee: z.string().regex(/^(\d{5}|2[AB]\d{3})$/),
  libelle: z.string().optional(),
  versionFormat: z.union([z.literal(1), z.literal(2)]).default(2),
  agents: z
    .array(
      z.object({
        nom: z.string().min(1).max(200),
        delegation: z.boolean(),
        certificats: z.array(z.string()).min(1).max(4),
      }),
    )
    .max(50)
    .optional(),
});

export const GenerationSchema = z.object({
  nombre: z.number().int().min(1).max(1000),
  graine: z.number().int().optional(),
  registre: z.string().min(1).optional(),
  proportionNonDetenus: z.number().min(0).max(1).optional(),
  taille: z.number().int().min(100).max(100_000).optional(),
});

export interface DependancesAdministration {
  horloge: Horloge;
  communes: DepotCommunes;
  demandes: DepotDemandes;
  reglages: DepotReglages;
}

function valider<S extends z.ZodType>(schema: S, corps: unknown): z.infer<S> {
  const r = schema.safeParse(corps);
  if (!r.success) {
    const i = r.error.issues[0];
    const champ = i.path.map(String).join('.') || 'corps';
    rejeter('requete_invalide', `${i.message} (${champ})`, { champ });
  }
  return r.data;
}

/** Creates or updates a mailbox with its agents (known by their certificates). */
export function inscrireCommune(d: DependancesAdministration, corps: unknown): CommuneBoite {
  const i = valider(InscriptionSchema, corps);
  const officielle = communeOfficielle(i.codeInsee);
  const libelle = i.libelle ?? officielle?.libelle;
  if (!libelle) rejeter('commune_inconnue', `Code INSEE ${i.codeInsee} inconnu : indiquez le libellé.`);
  const commune: CommuneBoite = { codeInsee: i.codeInsee, libelle, versionFormat: i.versionFormat, simulee: false };
  // No `agents`: the mailbox's settings change, its agents stay (and their sessions with them).
  const agents = i.agents?.map((a, n) => ({
    nom: a.nom,
    delegation: a.delegation,
    certificats: a.certificats.map((c, k) => lireCertificatClient(c, `agents.${n}.certificats.${k}`).der),
  }));
  d.communes.enregistrer(commune, agents ?? null, d.horloge.maintenant());
  return commune;
}

export function communeExistante(d: DependancesAdministration, code: string): CommuneBoite {
  const c = d.communes.lire(code);
  if (!c || c.simulee) rejeter('commune_inconnue', `Aucune boîte pour la commune ${code}.`);
  return c;
}

/** Puts prepared requests in the mailbox, made available now (deadlines from now). */
function deposer(
  d: DependancesAdministration,
  commune: CommunePlateforme,
  liste: { demande: DemandePreparee; attendu: Attendu | null }[],
  origine: OrigineDemande,
): string[] {
  const maintenant = d.horloge.maintenant();
  const ids: string[] = [];
  d.reglages.transaction(() => {
    for (const { demande, attendu } of liste) {
      const { echeanceProcedureJours, ...reste } = demande;
      const id = nouvelIdDemande(d.reglages, maintenant);
      const delais = delaisDepuis(maintenant);
      const echeanceProcedure = echeanceProcedureJours
        ? new Date(maintenant.getTime() + echeanceProcedureJours * JOUR_MS).toISOString().slice(0, 10)
        : null;
      const donnees = { ...reste, id, destinataire: commune, dates: { ...delais, echeanceProcedure } };
      // Checked here, so that the mailbox can always render what it holds.
      construireDemande({ ...donnees, version: 2 });
      d.demandes.ajouter({
        id,
        codeInsee: commune.codeInsee,
        donnees,
        specimen: demande.specimen,
        origine,
        attendu,
        ...delais,
      });
      ids.push(id);
    }
  });
  return ids;
}

export function genererPourCommune(
  d: DependancesAdministration,
  code: string,
  corps: unknown,
): { ids: string[]; demandes: DemandeGeneree[] } {
  const commune = communeExistante(d, code);
  const g = valider(GenerationSchema, corps);
  const graine = g.graine ?? d.reglages.suivant('graine-generation');
  let source;
  try {
    source = g.registre ? sourceRegistre(g.registre) : sourceSynthetique(code, graine, g.taille ?? 3000);
  } catch (e) {
    if (e instanceof RegistreError)
      rejeter('requete_invalide', `Registre illisible : ${e.message}`, { champ: 'registre' });
    rejeter('requete_invalide', 'Registre illisible (fichier absent ou qui n’est pas une base Registre).', {
      champ: 'registre',
    });
  }
  try {
    const brutes = genererDemandes({
      commune,
      nombre: g.nombre,
      graine,
      source,
      proportionNonDetenus: g.proportionNonDetenus,
      annee: d.horloge.maintenant().getUTCFullYear(),
    });
    // A register may hold what a request cannot carry (an over-long name): such acts are skipped.
    const demandes = brutes.filter((x) => estRepresentable(x.demande));
    return { ids: deposer(d, commune, demandes, 'generee'), demandes };
  } finally {
    source.fermer();
  }
}

function estRepresentable(demande: DemandePreparee): boolean {
  const { echeanceProcedureJours: _e, ...reste } = demande;
  return DemandeSchema.safeParse({ ...reste, version: 2, id: 'X', dates: delaisDepuis(new Date(0)) }).success;
}

export function genererSpecimensPourCommune(d: DependancesAdministration, code: string, nombre: number): string[] {
  const commune = communeExistante(d, code);
  const specimens = genererSpecimens(
    commune,
    Math.max(1, Math.min(nombre, 20)),
    d.reglages.suivant('graine-specimens'),
    d.horloge.maintenant().getUTCFullYear(),
  );
  return deposer(d, commune, specimens, 'specimen');
}

/** A precise request (tests): the fields of a request, without id or dates. */
export function deposerDemande(d: DependancesAdministration, code: string, corps: unknown): string {
  const commune = communeExistante(d, code);
  const brute = (corps as { demande?: Record<string, unknown> } | null)?.demande;
  if (!brute || typeof brute !== 'object')
    rejeter('requete_invalide', 'Champ « demande » attendu.', { champ: 'demande' });
  const essai = DemandeSchema.safeParse({
    ...brute,
    version: 2,
    id: 'X',
    destinataire: commune,
    dates: delaisDepuis(d.horloge.maintenant()),
  });
  if (!essai.success) {
    const i = essai.error.issues[0];
    rejeter('requete_invalide', `${i.message} (demande.${i.path.join('.')})`, { champ: `demande.${i.path.join('.')}` });
  }
  construireDemande(essai.data); // a request the mailbox could not render is refused now, not at listing
  const { version: _v, id: _i, dates: _d, ...reste } = essai.data;
  const attendu = (corps as { attendu?: Attendu }).attendu ?? null;
  return deposer(d, commune, [{ demande: { ...reste, echeanceProcedureJours: null }, attendu }], 'deposee')[0];
}
