/** Injectable clock: services take one so tests can move time (deadlines, certificate expiry). */
export interface Horloge {
  maintenant(): Date;
}

export const horlogeSysteme: Horloge = { maintenant: () => new Date() };

export function horlogeFixe(
  debut: Date | string,
): Horloge & { avancer(ms: number): void; regler(d: Date | string): void } {
  let t = new Date(debut).getTime();
  return {
    maintenant: () => new Date(t),
    avancer: (ms) => {
      t += ms;
    },
    regler: (d) => {
      t = new Date(d).getTime();
    },
  };
}
