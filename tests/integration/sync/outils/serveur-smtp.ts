import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

/**
 * A real SMTP server on loopback (the smtp-server package) that keeps what it receives, so a
 * test reads the message as a mail client would. Decoding is limited to what nodemailer emits
 * for a text message (RFC 2047 encoded words in headers, quoted-printable or base64 body): the
 * few lines below stand in for a full MIME parser, which the project does not depend on.
 */
export interface MessageRecu {
  de: string;
  a: string[];
  brut: string;
  entetes: Record<string, string>;
  sujet: string;
  corps: string;
}

export interface ServeurSmtp {
  port: number;
  recus: MessageRecu[];
  /** Resolves when `n` messages have arrived. */
  attendre(n: number, delaiMs?: number): Promise<MessageRecu[]>;
  fermer(): Promise<void>;
}

function decoderMots(v: string): string {
  return v.replace(/=\?([\w-]+)\?([QqBb])\?([^?]*)\?=\s*/g, (_, _jeu: string, enc: string, texte: string) => {
    if (enc.toUpperCase() === 'B') return Buffer.from(texte, 'base64').toString('utf8');
    const octets = texte
      .replace(/_/g, ' ')
      .replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(octets, 'latin1').toString('utf8');
  });
}

function analyser(brut: string): Pick<MessageRecu, 'entetes' | 'sujet' | 'corps'> {
  const [tete, ...reste] = brut.split(/\r?\n\r?\n/);
  const entetes: Record<string, string> = {};
  for (const ligne of tete.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = ligne.indexOf(':');
    if (i > 0) entetes[ligne.slice(0, i).toLowerCase()] = ligne.slice(i + 1).trim();
  }
  let corps = reste.join('\n\n');
  const enc = (entetes['content-transfer-encoding'] ?? '').toLowerCase();
  if (enc === 'quoted-printable') {
    const octets = corps
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    corps = Buffer.from(octets, 'latin1').toString('utf8');
  } else if (enc === 'base64') corps = Buffer.from(corps.replace(/\s+/g, ''), 'base64').toString('utf8');
  return { entetes, sujet: decoderMots(entetes.subject ?? ''), corps: corps.replace(/\r\n/g, '\n') };
}

export async function demarrerServeurSmtp(
  options: { utilisateur?: string; motDePasse?: string } = {},
): Promise<ServeurSmtp> {
  const recus: MessageRecu[] = [];
  const attentes: { n: number; resoudre: () => void }[] = [];
  const serveur = new SMTPServer({
    secure: false,
    disabledCommands: options.utilisateur ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.utilisateur,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, rappel) {
      if (auth.username === options.utilisateur && auth.password === options.motDePasse)
        rappel(null, { user: auth.username });
      else rappel(Object.assign(new Error('Identifiants refusés'), { responseCode: 535 }));
    },
    onData(flux, session, rappel) {
      const morceaux: Buffer[] = [];
      flux.on('data', (m: Buffer) => morceaux.push(m));
      flux.on('end', () => {
        const brut = Buffer.concat(morceaux).toString('utf8');
        recus.push({
          de: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          a: session.envelope.rcptTo.map((r) => r.address),
          brut,
          ...analyser(brut),
        });
        for (const a of attentes.splice(0))
          if (recus.length >= a.n) a.resoudre();
          else attentes.push(a);
        rappel();
      });
    },
  });
  await new Promise<void>((ok) => serveur.listen(0, '127.0.0.1', ok));
  const port = (serveur.server.address() as AddressInfo).port;
  return {
    port,
    recus,
    attendre(n, delaiMs = 10_000) {
      if (recus.length >= n) return Promise.resolve(recus);
      return new Promise((ok, ko) => {
        const t = setTimeout(() => ko(new Error(`${recus.length} courriel(s) reçu(s) sur ${n} attendus`)), delaiMs);
        attentes.push({ n, resoudre: () => (clearTimeout(t), ok(recus)) });
      });
    },
    fermer: () => new Promise<void>((ok) => serveur.close(() => ok())),
  };
}
