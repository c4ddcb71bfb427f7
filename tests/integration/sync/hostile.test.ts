import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdaptateurBacASable } from '../../../electron/sync/plateforme/bac-a-sable';
import { creerServiceSync, type ServiceSync } from '../../../electron/sync/service';
import { appTemporaire } from '../../support/app-temporaire';
import { xmlDemande } from '../../unit/sync/outils/fabrique';
import { identiteLogicielle } from './outils/identite-logicielle';
import { demarrerPlateformeHostile, type PlateformeHostile } from './outils/plateforme-hostile';

const app = appTemporaire();
let hostile: PlateformeHostile;
let sync: ServiceSync;

const xxe = xmlDemande('DEM-XXE')
  .replace(
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE demande [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
  )
  .replace('CAZALS', '&x;');
const laughs =
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') +
  ']><demande xmlns="urn:registre:comedec:2" version="2">&lol9;</demande>';
const enorme = xmlDemande('DEM-ENORME').replace('<typeActe>', `<!--${'x'.repeat(50 * 1024 * 1024)}--><typeActe>`);
const latin1 = xmlDemande('DEM-LATIN1').replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
const inconnue = xmlDemande('DEM-V9')
  .replace('urn:registre:comedec:2', 'urn:registre:comedec:9')
  .replace('version="2"', 'version="9"');

beforeAll(async () => {
  app.contexte.parametres.ecrire('commune', {
    nom: 'Aussillon',
    codeInsee: '81021',
    departement: '81',
    emailFonctionnel: 'etat-civil@aussillon.fr',
  });
  hostile = await demarrerPlateformeHostile([
    { id: 'DEM-OK-1', xml: xmlDemande('DEM-OK-1') },
    { id: 'DEM-XXE', xml: xxe },
    { id: 'DEM-LAUGHS', xml: laughs },
    { id: 'DEM-ENORME', xml: enorme },
    // bytes that are not UTF-8, straight in the JSON body
    {
      id: 'DEM-OCTETS',
      brut: Buffer.concat([Buffer.from('<demande>'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('</demande>')]),
    },
    { id: 'DEM-LATIN1', xml: latin1 },
    { id: 'DEM-V9', xml: inconnue },
    { id: 'DEM-OK-2', xml: xmlDemande('DEM-OK-2') },
  ]);
  const identite = await identiteLogicielle();
  sync = creerServiceSync(app.contexte, null, {
    adaptateur: () => new AdaptateurBacASable({ url: hostile.url, delaiMs: 20_000 }),
    identite: async () => identite,
  });
});
afterAll(async () => {
  sync?.arreter();
  await hostile?.fermer();
  app.detruire();
});

describe('entrées hostiles venues de la plateforme', () => {
  it('chaque document dangereux est refusé avec sa raison, les bons sont stockés, l’application continue', async () => {
    const rss = process.memoryUsage().rss;
    const r = await sync.moteur.synchroniser('manuel');
    expect(r).toMatchObject({ statut: 'reussie', recues: 2, quarantaine: 6 });
    // rien n'est perdu en silence : tout a été soit stocké soit mis en quarantaine, puis acquitté
    expect(hostile.acquittees.sort()).toEqual([
      'DEM-ENORME',
      'DEM-LATIN1',
      'DEM-LAUGHS',
      'DEM-OCTETS',
      'DEM-OK-1',
      'DEM-OK-2',
      'DEM-V9',
      'DEM-XXE',
    ]);

    const q = await app.repartir('demandes.quarantaine', {});
    expect(q.ok).toBe(true);
    const parId = Object.fromEntries(
      (q.ok ? (q.valeur as { livraison: string; motif: string; raison: string; tronque: boolean }[]) : []).map((d) => [
        d.livraison,
        d,
      ]),
    );
    expect(parId['DEM-XXE']).toMatchObject({ motif: 'dtd_interdite' });
    expect(parId['DEM-LAUGHS']).toMatchObject({ motif: 'dtd_interdite' });
    expect(parId['DEM-ENORME']).toMatchObject({ motif: 'trop_volumineux', tronque: true });
    expect(parId['DEM-OCTETS']).toMatchObject({ motif: 'encodage_invalide' });
    expect(parId['DEM-LATIN1']).toMatchObject({ motif: 'encodage_invalide' });
    expect(parId['DEM-V9']).toMatchObject({ motif: 'format_inconnu' });
    expect(parId['DEM-V9'].raison).toContain('« 9 »');
    for (const d of Object.values(parId)) expect(d.raison.length).toBeGreaterThan(10);
    // le contenu de /etc/passwd n'a jamais été lu
    const brut = app.contexte.db().prepare("SELECT document FROM quarantaine WHERE livraison = 'DEM-XXE'").get() as {
      document: Buffer;
    };
    expect(brut.document.toString()).not.toMatch(/root:/);
    expect(process.memoryUsage().rss - rss).toBeLessThan(400 * 1024 * 1024);

    const liste = await app.repartir('demandes.lister', {});
    expect(liste.ok && (liste.valeur as { total: number }).total).toBe(2);
    // une seconde synchronisation ne re-stocke rien et l’application répond toujours
    expect(await sync.moteur.synchroniser('manuel')).toMatchObject({ statut: 'reussie', recues: 0, quarantaine: 0 });
    expect((await app.repartir('app.informations', {})).ok).toBe(true);
  });
});
