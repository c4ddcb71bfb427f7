import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creerApp } from '../../../electron/app';
import { appelant } from '../../support/app-temporaire';
import { verifierAvecXmlsec } from '../../fixtures/cartes/xmlsec';
import { appAvecCartes, reponseXml, type AppCartes } from './outils';

let t: AppCartes;
const N = 12;

beforeAll(async () => {
  t = await appAvecCartes();
  await t.appeler('signature.ajouter', {
    documents: Array.from({ length: N }, (_, i) => ({
      reference: `crash:${i + 1}`,
      nature: 'reponse' as const,
      xml: reponseXml(200 + i),
    })),
  });
});
afterAll(() => t?.detruire());

function lancerEnfantJusquAuBlocage(dossier: string): Promise<{ signes: number[]; sortie: string }> {
  return new Promise((resolve, reject) => {
    const racine = path.resolve(__dirname, '../../..');
    // Node itself, not the `node_modules/.bin/tsx` wrapper: the wrapper starts a second process,
    // and a SIGKILL on it would leave the one signing running, blocked, after the suite.
    const enfant = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'enfant-lot.ts'), dossier, 'OFFICIER-0001'],
      {
        cwd: racine,
        env: { ...process.env, REGISTRE_PIN: t.cartes.cartes.officier.pin, REGISTRE_JOURNAL: 'muet' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let sortie = '';
    const minuterie = setTimeout(() => {
      enfant.kill('SIGKILL');
      reject(new Error(`l’enfant ne s’est pas bloqué : ${sortie}`));
    }, 60_000);
    enfant.stderr.on('data', (d) => (sortie += d));
    enfant.stdout.on('data', (d) => {
      sortie += d;
      // Killed while its 6th document is taken (en_cours) and inside the card call.
      if (sortie.includes('BLOQUE')) enfant.kill('SIGKILL');
    });
    enfant.on('exit', (_code, signal) => {
      clearTimeout(minuterie);
      if (signal !== 'SIGKILL') return reject(new Error(`fin inattendue : ${sortie}`));
      resolve({ signes: [...sortie.matchAll(/SIGNE (\d+)/g)].map((m) => Number(m[1])), sortie });
    });
  });
}

describe('arrêt brutal en plein lot (processus tué)', () => {
  it('laisse un état propre : les signés restent signés, le document en cours repart en attente, rien n’est signé deux fois', async () => {
    const dossier = t.app.contexte.dossierDonnees;
    // The child opens the same database: close ours first (and reopen after).
    t.app.fermer();
    const { signes } = await lancerEnfantJusquAuBlocage(dossier);
    expect(signes).toHaveLength(5);

    const apres = creerApp({ dossierDonnees: dossier, transport: 'navigateur' });
    try {
      const appeler = appelant(apres);
      const docs = (await appeler('signature.lister', {})) as { id: number; etat: string }[];
      // the interrupted document went back to pending; none is left "en_cours"
      expect(docs.filter((d) => d.etat === 'signe').map((d) => d.id)).toEqual(signes);
      expect(docs.filter((d) => d.etat === 'en_cours')).toEqual([]);
      expect(docs.filter((d) => d.etat === 'a_signer')).toHaveLength(N - 5);
      const lots = apres.contexte.db().prepare('SELECT etat FROM lots_signature').all() as { etat: string }[];
      expect(lots).toEqual([{ etat: 'interrompu' }]);

      const avant = await Promise.all(
        signes.map((id) => appeler('signature.lire', { id }) as Promise<{ xmlSigne: string }>),
      );
      const etat = (await appeler('carte.etat', {})) as { lecteurs: { carte: { id: string; label: string } | null }[] };
      const jeton = etat.lecteurs.find((l) => l.carte?.label === 'OFFICIER-0001')!.carte!.id;
      await appeler('carte.connecter', { jetonId: jeton, pin: t.cartes.cartes.officier.pin });
      const rapport = (await appeler('signature.signerLot', { pin: t.cartes.cartes.officier.pin })) as {
        signes: number;
        total: number;
      };
      expect(rapport).toMatchObject({ total: N - 5, signes: N - 5 });
      const tous = await Promise.all(
        docs.map((d) => appeler('signature.lire', { id: d.id }) as Promise<{ etat: string; xmlSigne: string }>),
      );
      expect(tous.every((d) => d.etat === 'signe')).toBe(true);
      // the 5 signed before the crash are byte for byte the same: never signed again
      expect(tous.filter((_, i) => signes.includes(docs[i].id)).map((d) => d.xmlSigne)).toEqual(
        avant.map((d) => d.xmlSigne),
      );
      for (const d of tous) expect(verifierAvecXmlsec(d.xmlSigne, t.cartes.caFichier).ok).toBe(true);
    } finally {
      apres.fermer();
    }
  });
});
