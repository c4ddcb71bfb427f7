import type { IncomingMessage } from 'node:http';

/** What a refused body costs at most: beyond this the connection is cut instead of drained. */
const DRAIN_MAX = 64 * 1024 * 1024;

export class CorpsTropGros extends Error {}

/**
 * Reads a request body up to `max` bytes. Beyond it: CorpsTropGros at once (the Content-Length
 * alone decides when the client sent one), and the rest is drained in the background so the
 * client can read the 413 (or cut when it keeps sending).
 */
export function lireCorps(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const annonce = Number(req.headers['content-length'] ?? NaN);
    const refuser = () => {
      let draine = 0;
      req.removeAllListeners('data');
      req.on('data', (c: Buffer) => {
        draine += c.length;
        if (draine > DRAIN_MAX) req.destroy();
      });
      req.resume();
      reject(new CorpsTropGros());
    };
    if (Number.isFinite(annonce) && annonce > max) return refuser();
    const morceaux: Buffer[] = [];
    let taille = 0;
    let fini = false;
    req.on('data', (c: Buffer) => {
      if (fini) return;
      taille += c.length;
      if (taille > max) {
        fini = true;
        refuser();
        return;
      }
      morceaux.push(c);
    });
    req.on('end', () => {
      if (!fini) {
        fini = true;
        resolve(Buffer.concat(morceaux));
      }
    });
    req.on('error', (e) => {
      if (!fini) {
        fini = true;
        reject(e);
      }
    });
  });
}
