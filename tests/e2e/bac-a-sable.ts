import type { PlateformeDemarree } from '../../sandbox';

/** The sandbox's admin API, as the end-to-end scenarios drive it (register a commune, generate requests, faults). */
export function adminBacASable(plateforme: () => PlateformeDemarree) {
  return async (methode: string, chemin: string, corps?: unknown) => {
    const p = plateforme();
    const r = await fetch(`${p.url}${chemin}`, {
      method: methode,
      headers: { Authorization: `Bearer ${p.jetonAdmin}`, 'Content-Type': 'application/json' },
      body: corps === undefined ? undefined : JSON.stringify(corps),
    });
    if (!r.ok) throw new Error(`${chemin} : ${r.status} ${await r.text()}`);
    return r.json();
  };
}
