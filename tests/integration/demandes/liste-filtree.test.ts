import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enregistrerLot } from '../../../electron/demandes';
import { listerIdsDemandes } from '../../../electron/demandes/stockage/lecture';
import { commencer } from '../../../electron/sync/stockage/synchros';
import type { SortieAppel } from '../../../shared/contract';
import { appTemporaire, refuseur } from '../../support/app-temporaire';
import { demande, PLATEFORME_ESSAI } from '../../unit/sync/outils/fabrique';

/**
 * "demandes.lister" through the contract, as the screen calls it, on a real database holding
 * 3,000 requests: every criterion validated (a wrong one refused in French), filtered and
 * counted in SQL, pages that add up to the whole list, specimens listed and never counted.
 */
const app = appTemporaire();
type Liste = SortieAppel<'demandes.lister'>;
const NOMBRE = 3000;
const JOUR = 864e5;
const NOMS = ['MARTIN', 'BERNARD', 'DUBOIS', 'N’DIAYE', 'LEFÈVRE'];
const DEMANDEURS = ['notaire', 'interieur', 'commune', 'autre'] as const;
const TYPES = ['naissance', 'mariage', 'deces'] as const;
/** The stored requests' generating rules, to compute what each filter must give. */
const regles = (i: number) => ({
  nom: NOMS[i % 5],
  demandeur: DEMANDEURS[i % 4],
  type: TYPES[i % 3],
  specimen: i % 250 === 0,
  // made available 0 to 9 days ago (10:00 UTC)
  jours: i % 10,
});

async function lister(entree: unknown): Promise<Liste> {
  const r = await app.repartir('demandes.lister', entree);
  if (!r.ok) throw new Error(r.erreur.message);
  return r.valeur as Liste;
}

beforeAll(() => {
  const db = app.contexte.db();
  const maintenant = new Date();
  const synchro = commencer(db, 'manuel', maintenant);
  const base = Date.UTC(maintenant.getUTCFullYear(), maintenant.getUTCMonth(), maintenant.getUTCDate(), 10);
  const acceptees = Array.from({ length: NOMBRE }, (_, i) => {
    const r = regles(i);
    const d = demande(
      `DEM-${i}`,
      {
        specimen: r.specimen,
        typeActe: r.type,
        demandeur: { type: r.demandeur, libelle: 'Demandeur', reference: `REF-${i}`, typeReference: 'autre' },
        personne: { nom: r.nom, prenoms: [`Prénom${i}`], sexe: 'F', dateNaissance: '1987-03-12' },
      },
      new Date(base - r.jours * JOUR).toISOString(),
    );
    return { livraison: d.id, demande: d as never, document: '<demande/>', empreinte: `e${i}` };
  });
  enregistrerLot(db, PLATEFORME_ESSAI, synchro, maintenant, acceptees, []);
});
afterAll(() => app.detruire());

describe('demandes.lister : filtres et comptes par le contrat', () => {
  it('combine demandeur, type d’acte et personne ; chaque valeur compte sous les autres critères, sans les spécimens', async () => {
    const attendues = Array.from({ length: NOMBRE }, (_, i) => ({ i, ...regles(i) }));
    const l = await lister({
      demandeurs: ['notaire', 'commune'],
      typesActe: ['deces'],
      personne: 'lefevre',
      limite: 500,
    });
    const voulues = attendues.filter(
      (x) => ['notaire', 'commune'].includes(x.demandeur) && x.type === 'deces' && x.nom === 'LEFÈVRE',
    );
    expect(l.total).toBe(voulues.length);
    expect(l.demandes.map((d) => d.idPlateforme).sort()).toEqual(voulues.map((x) => `DEM-${x.i}`).sort());
    expect(l.specimens).toBe(voulues.filter((x) => x.specimen).length);
    const reelles = (f: (x: (typeof attendues)[number]) => boolean) =>
      attendues.filter((x) => !x.specimen && f(x)).length;
    expect(l.facettes.demandeurs).toEqual({
      notaire: reelles((x) => x.demandeur === 'notaire' && x.type === 'deces' && x.nom === 'LEFÈVRE'),
      interieur: reelles((x) => x.demandeur === 'interieur' && x.type === 'deces' && x.nom === 'LEFÈVRE'),
      commune: reelles((x) => x.demandeur === 'commune' && x.type === 'deces' && x.nom === 'LEFÈVRE'),
      autre: reelles((x) => x.demandeur === 'autre' && x.type === 'deces' && x.nom === 'LEFÈVRE'),
    });
    expect(l.facettes.typesActe.naissance).toBe(
      reelles((x) => ['notaire', 'commune'].includes(x.demandeur) && x.type === 'naissance' && x.nom === 'LEFÈVRE'),
    );
    // every request is "reçue" here (made available under 10 days ago, nothing answered)
    expect(l.compteurs.recue + l.compteurs.a_echeance).toBe(voulues.filter((x) => !x.specimen).length);
  });

  it('« mises à disposition entre » deux jours de Paris', async () => {
    const jour = (decalage: number) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() - decalage * JOUR));
    const l = await lister({ du: jour(4), au: jour(2), limite: 1 });
    const attendu = Array.from({ length: NOMBRE }, (_, i) => regles(i)).filter((r) => r.jours >= 2 && r.jours <= 4);
    expect(l.total).toBe(attendu.length);
    expect(Object.values(l.compteurs).reduce((a, b) => a + b, 0)).toBe(attendu.filter((r) => !r.specimen).length);
  });

  it('les pages mises bout à bout donnent toute la liste, une fois chacune, les plus urgentes d’abord', async () => {
    const vues = new Set<string>();
    let total = 0;
    for (let decalage = 0; decalage < NOMBRE; decalage += 500) {
      const l = await lister({ limite: 500, decalage });
      total = l.total;
      for (const d of l.demandes) vues.add(d.idPlateforme);
    }
    expect(total).toBe(NOMBRE);
    expect(vues.size).toBe(NOMBRE);
    const tout = await lister({ limite: 500 });
    // counted: every request but the 12 specimens
    expect(Object.values(tout.compteurs).reduce((a, b) => a + b, 0)).toBe(NOMBRE - NOMBRE / 250);
    expect(tout.specimens).toBe(NOMBRE / 250);
    const compteurs = await app.repartir('demandes.compteurs', {});
    expect(compteurs.ok && Object.values(compteurs.valeur as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(
      NOMBRE - NOMBRE / 250,
    );
  });

  it('des critères invalides sont refusés avec leur raison en français', async () => {
    const refus = (entree: unknown) => refuseur(app)('demandes.lister', entree);
    expect(await refus({ du: '2026-03-10', au: '2026-03-01' })).toMatchObject({
      code: 'saisie_invalide',
      message: 'La date de début doit précéder la date de fin.',
    });
    expect((await refus({ du: '2026-02-30' })).message).toBe(
      'Date impossible : le 30 février n’existe pas (février a 28 jours).',
    );
    expect((await refus({ personne: 'x'.repeat(101) })).message).toMatch(/^Nom trop long/);
    expect((await refus({ demandeurs: ['pirate'] })).code).toBe('saisie_invalide');
    // what is typed is a bound value, never SQL: no name matches it
    expect((await lister({ personne: "' OR 1=1 --" })).total).toBe(0);
    expect((await lister({ personne: '%' })).total).toBe(NOMBRE);
  });
});

describe('demandes.listerIds : toute la liste filtrée, pour « Traiter à la suite »', () => {
  type Ids = SortieAppel<'demandes.listerIds'>;
  async function listerIds(entree: unknown): Promise<Ids> {
    const r = await app.repartir('demandes.listerIds', entree);
    if (!r.ok) throw new Error(r.erreur.message);
    return r.valeur as Ids;
  }
  /** The list as the screen reads it, page after page: ids in order, specimens marked. */
  async function pages(criteres: Record<string, unknown>) {
    const ids: { id: number; specimen: boolean; etat: string; cycle: string }[] = [];
    for (let decalage = 0; ; decalage += 500) {
      const l = await lister({ ...criteres, limite: 500, decalage });
      ids.push(...l.demandes.map((d) => ({ id: d.id, specimen: d.specimen, etat: d.etat, cycle: d.cycle })));
      if (decalage + 500 >= l.total) return ids;
    }
  }

  it('les mêmes demandes que toutes les pages de demandes.lister, dans le même ordre, spécimens compris et marqués', async () => {
    const toutes = await listerIds({});
    expect(toutes.tronquee).toBe(false);
    expect(toutes.demandes).toEqual(await pages({}));
    expect(toutes.demandes).toHaveLength(NOMBRE);
    expect(toutes.demandes.filter((d) => d.specimen)).toHaveLength(NOMBRE / 250);
  });

  it('suit les filtres, et commence à la demande donnée', async () => {
    const criteres = { demandeurs: ['notaire', 'commune'], typesActe: ['naissance', 'deces'], personne: 'mar' };
    const filtrees = await listerIds(criteres);
    const attendues = await pages(criteres);
    expect(filtrees.demandes).toEqual(attendues);
    const voulues = Array.from({ length: NOMBRE }, (_, i) => regles(i)).filter(
      (r) => ['notaire', 'commune'].includes(r.demandeur) && r.type !== 'mariage' && r.nom === 'MARTIN',
    );
    expect(filtrees.demandes).toHaveLength(voulues.length);
    expect(filtrees.demandes.filter((d) => d.specimen)).toHaveLength(voulues.filter((r) => r.specimen).length);
    // From a row far beyond the first page the screen reads: that row and every one after it.
    const depuis = attendues[150].id;
    expect((await listerIds({ ...criteres, depuis })).demandes).toEqual(attendues.slice(150));
    // A request not in this list (filtered out): the whole list, from the first.
    const horsListe = (await pages({ typesActe: ['mariage'] }))[0].id;
    expect((await listerIds({ ...criteres, depuis: horsListe })).demandes).toEqual(attendues);
  });

  it('s’arrête au plafond et le dit ; refuse des critères invalides comme demandes.lister', async () => {
    const db = app.contexte.db();
    const tout = listerIdsDemandes(db, {}, new Date(), NOMBRE + 1);
    expect(tout.tronquee).toBe(false);
    const plafond = listerIdsDemandes(db, {}, new Date(), 1000);
    expect(plafond).toEqual({ demandes: tout.demandes.slice(0, 1000), tronquee: true });
    const r = await app.repartir('demandes.listerIds', { du: '2026-03-10', au: '2026-03-01' });
    expect(r.ok || r.erreur.message).toBe('La date de début doit précéder la date de fin.');
  });
});
