/**
 * The application log. Rule: no personal data, ever. Callers pass technical fields only
 * (call names, durations, error codes, counts); values that come from acts, requests or PINs
 * never reach this module. `REGISTRE_JOURNAL` sets the level (debug, info, avertir, erreur, muet).
 */
type Niveau = 'debug' | 'info' | 'avertir' | 'erreur' | 'muet';
const ordre: Record<Niveau, number> = { debug: 0, info: 1, avertir: 2, erreur: 3, muet: 4 };

function niveauCourant(): Niveau {
  const n = process.env.REGISTRE_JOURNAL as Niveau | undefined;
  if (n && n in ordre) return n;
  return process.env.VITEST ? 'muet' : 'info';
}

type Champs = Record<string, string | number | boolean | undefined | string[]>;

function ecrire(niveau: Exclude<Niveau, 'muet'>, message: string, champs?: Champs): void {
  if (ordre[niveau] < ordre[niveauCourant()]) return;
  const ligne = JSON.stringify({ t: new Date().toISOString(), niveau, message, ...champs });
  process.stderr.write(ligne + '\n');
}

export const journal = {
  debug: (m: string, c?: Champs) => ecrire('debug', m, c),
  info: (m: string, c?: Champs) => ecrire('info', m, c),
  avertir: (m: string, c?: Champs) => ecrire('avertir', m, c),
  erreur: (m: string, c?: Champs) => ecrire('erreur', m, c),
};
