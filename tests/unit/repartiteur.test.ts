import { describe, expect, it } from 'vitest';
import { creerRepartiteur, type Gestionnaires } from '../../electron/contrat/repartiteur';
import { appels } from '../../shared/contract';
import { erreurs } from '../../shared/errors';

/** A full handler set where every call fails loudly unless overridden by the test. */
function gestionnaires(surcharges: Partial<Record<keyof Gestionnaires, (e: unknown) => unknown>>): Gestionnaires {
  const tous = Object.fromEntries(
    Object.keys(appels).map((n) => [
      n,
      surcharges[n as keyof Gestionnaires] ??
        (() => {
          throw new Error('non appelé');
        }),
    ]),
  );
  return tous as unknown as Gestionnaires;
}

describe('répartiteur des appels', () => {
  it('refuse un jeu de gestionnaires incomplet', () => {
    expect(() => creerRepartiteur({} as Gestionnaires)).toThrow(/sans gestionnaire/);
  });

  it('valide l’argument et répond en français, champ par champ', async () => {
    const r = creerRepartiteur(gestionnaires({}));
    const env = await r('parametres.enregistrerCommune', {
      nom: '',
      codeInsee: 'x',
      departement: '81',
      emailFonctionnel: 'a@b.fr',
    });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.erreur.code).toBe('saisie_invalide');
    const champs = (env.erreur.details!.erreurs as { champ: string; raison: string }[]).map((e) => e.champ);
    expect(champs).toEqual(['nom', 'codeInsee']);
    expect(env.erreur.message).toMatch(/champs sont à corriger/);
  });

  it('transmet une erreur typée telle quelle, et masque une exception quelconque', async () => {
    const r = creerRepartiteur(
      gestionnaires({
        'registre.lire': () => {
          throw erreurs.introuvable('Acte', 7);
        },
        'registre.statistiques': () => {
          throw new TypeError('Dupont Jean né le 12/03/1987');
        },
      }),
    );
    expect(await r('registre.lire', { id: 7 })).toMatchObject({
      ok: false,
      erreur: { code: 'introuvable', message: 'Acte introuvable (7).' },
    });
    const env = await r('registre.statistiques', {});
    expect(env).toMatchObject({ ok: false, erreur: { code: 'interne' } });
    expect(JSON.stringify(env)).not.toMatch(/Dupont|1987/);
  });

  it('refuse une sortie hors contrat plutôt que de l’envoyer', async () => {
    const r = creerRepartiteur(gestionnaires({ 'registre.statistiques': () => ({ total: 'beaucoup' }) }));
    expect(await r('registre.statistiques', {})).toMatchObject({ ok: false, erreur: { code: 'interne' } });
  });

  it('traduit une base occupée (import en cours) en erreur récupérable, sans rien perdre', async () => {
    const r = creerRepartiteur(
      gestionnaires({
        'registre.statistiques': () => {
          throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
        },
      }),
    );
    expect(await r('registre.statistiques', {})).toMatchObject({ ok: false, erreur: { code: 'base_indisponible' } });
  });

  it('refuse un appel inconnu', async () => {
    const r = creerRepartiteur(gestionnaires({}));
    expect(await r('fs.lireFichier', { chemin: '/etc/passwd' })).toMatchObject({
      ok: false,
      erreur: { code: 'saisie_invalide', details: { champ: 'appel' } },
    });
    expect(await r(42, {})).toMatchObject({ ok: false });
  });
});
