export const SCHEMA = 'registre';
export const ORIGINE = `${SCHEMA}://app`;

/** Only our own page may navigate within the window or call the main process. */
export function estOrigineApplication(url: string): boolean {
  return url.startsWith(ORIGINE + '/');
}
