import { erreurs } from '../../shared/errors';
import { CodePin } from './pin';

const LONGUEUR_MAX = 64;

/**
 * `--pin-stdin`: the first line of standard input (a pipe or a file), read into a buffer we own.
 * Unlike REGISTRE_PIN, it never sits in the process's environment, which stays readable in
 * /proc/<pid>/environ for the whole run even after `delete process.env.X`.
 */
export async function lirePinEntree(
  entree: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
): Promise<CodePin> {
  if (entree.isTTY)
    throw erreurs.saisieInvalide(
      'pin',
      '--pin-stdin lit le code PIN sur une entrée redirigée (tube ou fichier) ; dans un terminal, omettez --pin-stdin',
    );
  const tampon = Buffer.alloc(LONGUEUR_MAX + 1);
  let n = 0;
  let fini = false;
  for await (const morceau of entree as AsyncIterable<Buffer>) {
    for (const octet of morceau) {
      if (octet === 0x0a) fini = true;
      if (fini) break;
      if (n < tampon.length) tampon[n++] = octet;
    }
    morceau.fill(0);
    if (fini) break;
  }
  if (n > 0 && tampon[n - 1] === 0x0d) n--;
  try {
    if (n === 0) throw erreurs.saisieInvalide('pin', 'aucun code PIN sur l’entrée standard (--pin-stdin)');
    if (n > LONGUEUR_MAX) throw erreurs.saisieInvalide('pin', 'code PIN trop long sur l’entrée standard');
    const pin = Buffer.alloc(n);
    tampon.copy(pin, 0, 0, n);
    return CodePin.depuisOctets(pin);
  } finally {
    tampon.fill(0);
  }
}

/**
 * The PIN for the command line: `--pin-stdin` (above), REGISTRE_PIN (test automation only:
 * removed from process.env once read, but the kernel keeps the initial environment readable in
 * /proc/<pid>/environ), or typed in the terminal with no echo at all, straight into a buffer
 * we own. Ctrl-C or Escape cancels.
 */
export async function lirePinTerminal(
  invite = 'Code PIN de la carte : ',
  o: { stdin?: boolean } = {},
): Promise<CodePin> {
  const env = process.env.REGISTRE_PIN;
  delete process.env.REGISTRE_PIN;
  if (o.stdin) return lirePinEntree();
  if (env !== undefined) return CodePin.depuisTexte(env);
  const entree = process.stdin;
  if (!entree.isTTY)
    throw erreurs.saisieInvalide(
      'pin',
      'saisissez le code PIN dans un terminal, ou donnez-le sur l’entrée standard avec --pin-stdin',
    );
  // Echo off BEFORE the prompt appears: a holder who types as soon as the prompt shows must
  // never see the PIN echoed by the terminal.
  entree.setRawMode(true);
  entree.resume();
  process.stderr.write(invite);
  const tampon = Buffer.alloc(LONGUEUR_MAX);
  let n = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const surDonnees = (morceau: Buffer) => {
        for (const octet of morceau) {
          if (octet === 0x0d || octet === 0x0a) return fin(resolve);
          if (octet === 0x03 || octet === 0x1b) return fin(() => reject(erreurs.operationAnnulee()));
          if (octet === 0x7f || octet === 0x08) n = Math.max(0, n - 1);
          else if (n < tampon.length) tampon[n++] = octet;
        }
        morceau.fill(0);
      };
      const fin = (suite: () => void) => {
        entree.off('data', surDonnees);
        suite();
      };
      entree.on('data', surDonnees);
    });
  } finally {
    entree.setRawMode(false);
    entree.pause();
    process.stderr.write('\n');
  }
  const pin = Buffer.alloc(n);
  tampon.copy(pin, 0, 0, n);
  tampon.fill(0);
  return CodePin.depuisOctets(pin);
}
