import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { racine } from './frontieres';

const executer = promisify(execFile);

/** Runs `node bin/registre.mjs ...` in `cwd`, as a user would; never throws on a non-zero exit. */
export async function registreCli(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await executer(process.execPath, [path.join(racine, 'bin/registre.mjs'), ...args], {
      cwd,
      env: { ...process.env, REGISTRE_JOURNAL: 'muet', ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}
