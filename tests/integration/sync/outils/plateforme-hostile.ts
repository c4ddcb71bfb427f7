import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A HOSTILE platform: a real HTTP server speaking the sandbox API's shape (docs/plateforme-
 * bac-a-sable.md) whose mailbox serves the documents a test gives it, raw, byte for byte. The
 * sandbox renders its requests from typed data and cannot serve an XXE or a 50 MB document;
 * this server stands for a compromised or broken platform, the case hostile-input tests are
 * about. It checks nothing (any signature opens a session) and records what the client does.
 */
export interface LivraisonBrute {
  id: string;
  /** The JSON text of the `xml` field's value, or raw bytes put in place of the whole entry. */
  xml?: string;
  brut?: Buffer;
}

export interface PlateformeHostile {
  url: string;
  acquittees: string[];
  sessions: number;
  fermer(): Promise<void>;
}

export async function demarrerPlateformeHostile(
  boite: LivraisonBrute[],
  options: { formation?: boolean } = {},
): Promise<PlateformeHostile> {
  const acquittees: string[] = [];
  let sessions = 0;
  const restantes = () => boite.filter((l) => !acquittees.includes(l.id));
  const serveur = http.createServer((req, res) => {
    const morceaux: Buffer[] = [];
    req.on('data', (m: Buffer) => morceaux.push(m));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const json = (o: unknown) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(o));
      };
      if (url.pathname === '/v1/etat')
        return json({
          plateforme: 'hostile',
          versionPlateforme: '6.6.6',
          formation: options.formation ?? false,
          versionsFormat: [2, 1],
          versionCourante: 2,
          maintenant: new Date().toISOString(),
        });
      if (url.pathname === '/v1/session/defi')
        return json({ defi: 'a'.repeat(43), expireLe: new Date().toISOString() });
      if (url.pathname === '/v1/session') {
        sessions++;
        return json({
          jeton: 'jeton',
          expireLe: new Date(Date.now() + 9e5).toISOString(),
          commune: { codeInsee: '81021', libelle: 'MAIRIE-81-AUSSILLON' },
          agent: { nom: 'X', delegation: true },
        });
      }
      if (url.pathname === '/v1/boite/demandes') {
        const limite = Number(url.searchParams.get('limite') ?? 100);
        const page = restantes().slice(0, limite);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"demandes":[');
        page.forEach((l, i) => {
          if (i) res.write(',');
          if (l.brut)
            res.write(
              Buffer.concat([
                Buffer.from(`{"id":${JSON.stringify(l.id)},"livraison":1,"xml":"`),
                l.brut,
                Buffer.from('"}'),
              ]),
            );
          else res.write(JSON.stringify({ id: l.id, livraison: 1, xml: l.xml }));
        });
        return res.end(']}');
      }
      if (url.pathname === '/v1/boite/acquittements') {
        const { ids } = JSON.parse(Buffer.concat(morceaux).toString()) as { ids: string[] };
        acquittees.push(...ids.filter((id) => !acquittees.includes(id)));
        return json({ acquittees: ids, inconnues: [] });
      }
      if (url.pathname === '/v1/boite/reponses') return json({ reponses: [] });
      res.writeHead(404);
      res.end();
    });
  });
  await new Promise<void>((ok) => serveur.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`,
    acquittees,
    get sessions() {
      return sessions;
    },
    fermer: () => new Promise<void>((ok) => serveur.close(() => ok())),
  };
}
