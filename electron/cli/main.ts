import { Command, CommanderError } from 'commander';
import { RegistreError, versRegistreError } from '../../shared/errors';
import { commandes } from './commandes';

/**
 * `registre`: the same services as the app, from a terminal. Every command reports errors on
 * stderr in French and exits non-zero; results go to stdout (JSON with --json).
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
    process.exitCode = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 2;
  } else {
    const err = e instanceof RegistreError ? e : versRegistreError(e);
    process.stderr.write(`registre : ${err.message}\n`);
    if (process.env.REGISTRE_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    process.exitCode = err.code === 'saisie_invalide' || err.code === 'import_invalide' ? 2 : 1;
  }
}
