import { parseArgs } from 'node:util';
import { RegistreError, versRegistreError } from '../shared/errors';
import { BASE_PAR_DEFAUT, lancerPlateforme, PORT_PAR_DEFAUT } from './lanceur';

/** `npm run sandbox -- [--port N] [--base F] [--ancre ca.pem]... [--formation] [--json]` */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: String(PORT_PAR_DEFAUT) },
    base: { type: 'string', default: BASE_PAR_DEFAUT },
    ancre: { type: 'string', multiple: true, default: [] },
    formation: { type: 'boolean', default: false },
    'taille-max': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

try {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new RegistreError('saisie_invalide', `Port invalide : ${values.port}`);
  await lancerPlateforme({
    port,
    base: values.base!,
    ancres: values.ancre ?? [],
    formation: values.formation ?? false,
    tailleMax: values['taille-max'] ? Number(values['taille-max']) : undefined,
    json: values.json ?? false,
  });
} catch (e) {
  process.stderr.write(`bac à sable : ${versRegistreError(e).message}\n`);
  process.exitCode = 1;
}
