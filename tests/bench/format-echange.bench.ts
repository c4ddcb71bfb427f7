import { construireDemande, construireReponse, lireDemande, lireReponse } from '../../electron/comedec/format';
import { acteNaissance, demandeExemple, reponseExemple } from '../unit/comedec/exemples';

/**
 * Format throughput: building and safely parsing requests and answers (what the sync engine
 * does for each mailbox entry and each answer). Prints one JSON line.
 */
const N = 5000;
const mesurer = (fn: () => void) => {
  const debut = performance.now();
  for (let i = 0; i < N; i++) fn();
  return performance.now() - debut;
};

const demande = demandeExemple(2);
const xmlDemande = construireDemande(demande);
const reponse = {
  ...reponseExemple(2),
  resultat: {
    nature: 'positive' as const,
    forme: 'copie_integrale' as const,
    acte: { ...acteNaissance, mentions: Array.from({ length: 5 }, () => acteNaissance.mentions[0]) },
  },
};
const xmlReponse = construireReponse(reponse);

mesurer(() => lireDemande(xmlDemande)); // warm-up
const tConstruireDemande = mesurer(() => construireDemande(demande));
const tLireDemande = mesurer(() => lireDemande(xmlDemande));
const tConstruireReponse = mesurer(() => construireReponse(reponse));
const tLireReponse = mesurer(() => lireReponse(xmlReponse));
const parSeconde = (ms: number) => Math.round((N / ms) * 1000);

process.stdout.write(
  `${JSON.stringify({
    bench: 'format-echange',
    documents: N,
    octetsDemande: Buffer.byteLength(xmlDemande),
    octetsReponse: Buffer.byteLength(xmlReponse),
    construireDemandeParSeconde: parSeconde(tConstruireDemande),
    lireDemandeParSeconde: parSeconde(tLireDemande),
    construireReponseParSeconde: parSeconde(tConstruireReponse),
    lireReponseParSeconde: parSeconde(tLireReponse),
    memoireMo: Math.round(process.memoryUsage().rss / 1e6),
  })}\n`,
);
