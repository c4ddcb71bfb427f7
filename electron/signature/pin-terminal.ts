import { erreurs } from '../../shared/errors';
import { CodePin } from './pin';

/**
 * The PIN for the command line: REGISTRE_PIN (automation; removed from the environment once
 * read), or typed in the terminal with no echo at all, straight into a buffer we own.
 * Ctrl-C or Escape cancels.
 */
export async function lirePinTerminal(invite = 'Code PIN de la carte : '): Promise<CodePin> {
  const env = process.env.REGISTRE_PIN;
  if (env !== undefined) {
    delete process.env.REGISTRE_PIN;
    return CodePin.depuisTexte(env);
  }
  const entree = process.stdin;
  if (!entree.isTTY)
    throw erreurs.saisieInvalide('pin', 'saisissez le code PIN dans un terminal, ou fournissez REGISTRE_PIN');
  // Echo off BEFORE the prompt appears: a holder who types as soon as the prompt shows must
  // never see the PIN echoed by the terminal.
  entree.setRawMode(true);
  entree.resume();
  process.stderr.write(invite);
  const tampon = Buffer.alloc(64);
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
