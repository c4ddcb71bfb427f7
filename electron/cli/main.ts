import { Command, CommanderError } from 'commander';
import { RegistreError, versRegistreError } from '../../shared/errors';
import { CODES_SORTIE, codeDeSortie } from './codes-sortie';
import { commandes } from './commandes';

/**
 * `registre`: the same services as the app, from a terminal. Every command reports errors on
 * stderr in French, one line, and exits with the code of its kind of failure (codes-sortie.ts);
 * results go to stdout (JSON with --json).
 */
const programme = new Command('registre')
  .description('Registre : état civil hors ligne et réponses COMEDEC')
  .showHelpAfterError()
  .exitOverride();

for (const ajouter of commandes) ajouter(programme);

try {
  await programme.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode =
      e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? CODES_SORTIE.succes : CODES_SORTIE.usage;
  } else {
    const err = e instanceof RegistreError ? e : versRegistreError(e);
    // Messages quote outside values through citer() already; this keeps any other escape code
    // (a path, a platform's text) from acting on the terminal.
    const message = err.message.replace(
      /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g,
      (c) => `\\u{${c.charCodeAt(0).toString(16).toUpperCase()}}`,
    );
    process.stderr.write(`registre : ${message}\n`);
    if (process.env.REGISTRE_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    process.exitCode = codeDeSortie(err);
  }
}
