import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { libellePlateforme } from '../../shared/contract/parametres';
import { appTemporaire } from '../support/app-temporaire';

let app: ReturnType<typeof appTemporaire>;
afterEach(() => app?.detruire());

const aussillon = {
  nom: 'Aussillon',
  codeInsee: '81021',
  departement: '81',
  emailFonctionnel: 'etat-civil@aussillon.fr',
};

describe('paramètres de la commune', () => {
  it('sont vides au départ, puis gardés en base', async () => {
    app = appTemporaire();
    expect(await app.repartir('parametres.lireCommune', {})).toEqual({ ok: true, valeur: null });
    expect(await app.repartir('parametres.enregistrerCommune', aussillon)).toEqual({ ok: true, valeur: aussillon });
    expect(await app.repartir('parametres.lireCommune', {})).toEqual({ ok: true, valeur: aussillon });
    expect(libellePlateforme(aussillon)).toBe('MAIRIE-81-AUSSILLON');
    expect(libellePlateforme({ nom: "L'Abergement-Clémenciat", departement: '01' })).toBe(
      'MAIRIE-01-L-ABERGEMENT-CLEMENCIAT',
    );
  });

  it('refusent un code INSEE inconnu ou un département incohérent, en français, sans rien écraser', async () => {
    app = appTemporaire();
    await app.repartir('parametres.enregistrerCommune', aussillon);
    const mauvais = await app.repartir('parametres.enregistrerCommune', { ...aussillon, codeInsee: '81999' });
    expect(mauvais).toMatchObject({ ok: false, erreur: { code: 'saisie_invalide', details: { champ: 'codeInsee' } } });
    const dep = await app.repartir('parametres.enregistrerCommune', { ...aussillon, departement: '31' });
    expect(dep).toMatchObject({ ok: false, erreur: { code: 'saisie_invalide', details: { champ: 'departement' } } });
    expect((dep as { erreur: { message: string } }).erreur.message).toMatch(/département 81/);
    const courriel = await app.repartir('parametres.enregistrerCommune', {
      ...aussillon,
      emailFonctionnel: 'pas-une-adresse',
    });
    expect(courriel).toMatchObject({
      ok: false,
      erreur: { code: 'saisie_invalide', details: { champ: 'emailFonctionnel' } },
    });
    expect(await app.repartir('parametres.lireCommune', {})).toEqual({ ok: true, valeur: aussillon });
  });

  it('sauvegarde à chaud et restaure, en gardant la base d’avant', async () => {
    app = appTemporaire();
    await app.repartir('parametres.enregistrerCommune', aussillon);
    const s = (await app.repartir('base.sauvegarder', {})) as { ok: true; valeur: { nom: string; octets: number } };
    expect(s.ok).toBe(true);
    expect(s.valeur.octets).toBeGreaterThan(0);
    // one self-contained file: no `-wal`/`-shm` nor partial copy left beside it
    expect(fs.readdirSync(path.join(app.dossier, 'sauvegardes'))).toEqual([s.valeur.nom]);
    await app.repartir('parametres.enregistrerCommune', { ...aussillon, emailFonctionnel: 'autre@aussillon.fr' });
    const liste = (await app.repartir('base.listerSauvegardes', {})) as { valeur: { nom: string }[] };
    expect(liste.valeur.map((x) => x.nom)).toContain(s.valeur.nom);
    const r = await app.repartir('base.restaurer', { nom: s.valeur.nom });
    expect(r).toMatchObject({ ok: true });
    expect(await app.repartir('parametres.lireCommune', {})).toEqual({ ok: true, valeur: aussillon });
    expect(await app.repartir('base.restaurer', { nom: '../../etc/passwd' })).toMatchObject({
      ok: false,
      erreur: { code: 'saisie_invalide' },
    });
    expect(await app.repartir('base.restaurer', { nom: 'absente.db' })).toMatchObject({
      ok: false,
      erreur: { code: 'introuvable' },
    });
  });
});
