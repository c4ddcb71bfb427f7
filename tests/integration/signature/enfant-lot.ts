// Child process of lot-crash.test.ts: signs the pending batch with the officer's card and, on the
// 6th signature, freezes INSIDE the card call (document taken, not yet stored) so the parent can
// kill it at that exact point. Arguments: <dossierDonnees> <label>. PIN: REGISTRE_PIN.
import { definirEnveloppeLiaison, type Liaison } from '../../../electron/signature/liaison';
import { creerApp } from '../../../electron/app';

const [dossierDonnees, label] = process.argv.slice(2);
let signatures = 0;
definirEnveloppeLiaison(
  (_chemin, brute) =>
    new Proxy(brute, {
      get(cible, nom, r) {
        const v = Reflect.get(cible, nom, r);
        if (typeof v !== 'function') return v;
        if (nom !== 'C_SignAsync') return (v as (...a: unknown[]) => unknown).bind(cible);
        return (...args: unknown[]) => {
          if (++signatures === 6) {
            process.stdout.write('BLOQUE\n');
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); // until killed
          }
          return (v as (...a: unknown[]) => unknown).apply(cible, args);
        };
      },
    }) as Liaison,
);

const app = creerApp({ dossierDonnees, transport: 'navigateur' });
const appeler = async (nom: string, entree: unknown) => {
  const r = await app.repartir(nom, entree);
  if (!r.ok) throw new Error(`${nom}: ${r.erreur.code}`);
  return r.valeur as never;
};
app.bus.abonner((nom, charge) => {
  if (nom === 'signature.progression') process.stdout.write(`SIGNE ${(charge as { documentId: number }).documentId}\n`);
});
const etat = (await appeler('carte.etat', {})) as { lecteurs: { carte: { id: string; label: string } | null }[] };
const lecteur = etat.lecteurs.find((l) => l.carte?.label === label);
if (!lecteur?.carte) throw new Error(`carte ${label} absente : ${JSON.stringify(etat)}`);
const jeton = lecteur.carte.id;
await appeler('carte.connecter', { jetonId: jeton, pin: process.env.REGISTRE_PIN });
await appeler('signature.signerLot', { pin: process.env.REGISTRE_PIN });
process.stdout.write('FINI\n');
app.fermer();
