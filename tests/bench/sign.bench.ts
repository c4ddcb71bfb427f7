// npm run bench:sign — signs 200 answers on a SoftHSM2 token and prints ONE JSON line:
// {"raw_sign_ms_p50","xades_sign_ms_p50","overhead_ratio","verify_ms_p50"}, where raw is the bare
// PKCS#11 signature of the same bytes in the same run (C_SignInit + context login + C_Sign: the
// qualified test card OFFICIER-QS-0005, whose signature key asks for the PIN at each use).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { provisionnerCartes } from '../fixtures/cartes/provisionner';
import { chargerBibliotheque, pkcs11js } from '../../electron/signature/liaison';
import { listerLecteurs } from '../../electron/signature/jetons';
import { SessionCarte } from '../../electron/signature/session-carte';
import { CodePin } from '../../electron/signature/pin';
import { analyserCertificat } from '../../electron/signature/certificats';
import { CleMaterielle } from '../../electron/signature/moteur';
import { SignateurXades } from '../../electron/signature/xades-signer';
import { verifierXades } from '../../electron/signature/xades-verifier';
import { Confiance } from '../../electron/signature/confiance';

// The log writes to stderr; the bench's output is its one JSON line.
process.env.REGISTRE_JOURNAL ??= 'muet';
const N = 200;
const ECHAUFFEMENT = 20;

function reponse(i: number): string {
  const mentions = Array.from(
    { length: 3 },
    (_, k) =>
      `<rep:Mention type="mariage"><rep:Date>20${10 + k}-06-1${k}</rep:Date><rep:Texte>Mariée à Lyon 3e le 1${k} juin 20${10 + k} avec Paul Henri DURAND.</rep:Texte></rep:Mention>`,
  ).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<rep:Reponse xmlns:rep="urn:registre:comedec:reponse:1" Id="reponse-${i}" version="2">` +
    `<rep:Demande reference="D-2026-${String(i).padStart(6, '0')}" demandeur="notaire" recueLe="2026-03-02"/>` +
    `<rep:Commune codeInsee="81021" libelle="MAIRIE-81-AUSSILLON"/>` +
    `<rep:Acte type="naissance" annee="1990" numero="${i}"><rep:Date>1990-05-12</rep:Date><rep:Lieu codeInsee="81021">Aussillon</rep:Lieu>` +
    `<rep:Titulaire><rep:Nom>DUPONT</rep:Nom><rep:Prenoms>Marie Élise Françoise</rep:Prenoms><rep:Sexe>F</rep:Sexe></rep:Titulaire>` +
    `<rep:Pere><rep:Nom>DUPONT</rep:Nom><rep:Prenoms>Jean Pierre</rep:Prenoms><rep:Profession>menuisier</rep:Profession></rep:Pere>` +
    `<rep:Mere><rep:Nom>LEFÈVRE</rep:Nom><rep:Prenoms>Anne</rep:Prenoms><rep:Profession>institutrice</rep:Profession></rep:Mere>` +
    `${mentions}</rep:Acte><rep:Attestation>Extrait conforme au registre.</rep:Attestation></rep:Reponse>`
  );
}

const p50 = (t: number[]) => [...t].sort((a, b) => a - b)[Math.floor(t.length / 2)];

const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-sign-'));
try {
  const cartes = await provisionnerCartes(dossier, { seulement: ['officierQs'] });
  const carte = cartes.cartes.officierQs!;
  const { liaison } = chargerBibliotheque(cartes.bibliotheque);
  const jeton = listerLecteurs(liaison, cartes.bibliotheque).find((l) => l.carte?.label === carte.label)!.carte!;
  const pin = CodePin.depuisTexte(carte.pin);
  const session = SessionCarte.ouvrir(liaison, jeton);
  session.connecter(pin);
  const certs = session.certificats();
  const sig = certs.find((c) => analyserCertificat(c.der).usage === 'signature')!;
  const chaine = certs.map((c) => analyserCertificat(c.der)).filter((c) => c.autorite);
  const cle = session.cle(sig.id!);
  // One signer for the whole run (certificates parsed once, one engine, one session); each
  // signature gets its own PIN buffer, wiped after its one use, as in a batch.
  const signateur = new SignateurXades({
    nature: 'carte',
    certificat: analyserCertificat(sig.der),
    chaine,
    cle: new CleMaterielle({ name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-256' } } as RsaHashedKeyAlgorithm, (d) =>
      session.signer(cle, d, CodePin.depuisTexte(carte.pin)),
    ),
  });
  // The bare PKCS#11 operation, through the same binding and session handle.
  const brute = liaison.C_OpenSession(jeton.slot, pkcs11js.CKF_SERIAL_SESSION);
  const pinTexte = carte.pin;
  const signerBrut = (octets: Buffer) => {
    liaison.C_SignInit(brute, { mechanism: pkcs11js.CKM_SHA256_RSA_PKCS }, cle.handle);
    liaison.C_Login(brute, pkcs11js.CKU_CONTEXT_SPECIFIC, pinTexte);
    return liaison.C_Sign(brute, octets, Buffer.alloc(cle.taille));
  };

  const brut: number[] = [];
  const xades: number[] = [];
  const signes: string[] = [];
  for (let i = 0; i < N + ECHAUFFEMENT; i++) {
    const xml = reponse(i);
    const octets = Buffer.from(xml, 'utf8');
    let t = performance.now();
    signerBrut(octets);
    const dBrut = performance.now() - t;
    t = performance.now();
    const signe = await signateur.signer(xml, { horodatage: new Date() });
    const dXades = performance.now() - t;
    if (i >= ECHAUFFEMENT) {
      brut.push(dBrut);
      xades.push(dXades);
      signes.push(signe);
    }
  }

  const confiance = Confiance.depuisPem(cartes.caPem);
  const verif: number[] = [];
  const options = {
    confiance,
    racineAttendue: { nomLocal: 'Reponse', espaceNoms: 'urn:registre:comedec:reponse:1' },
    maintenant: new Date(),
  };
  for (let i = 0; i < ECHAUFFEMENT; i++) await verifierXades(signes[i], options);
  for (const s of signes) {
    const t = performance.now();
    await verifierXades(s, options);
    verif.push(performance.now() - t);
  }
  liaison.C_CloseSession(brute);
  session.fermer();
  pin.effacer();

  const r = (x: number) => Math.round(x * 1000) / 1000;
  const raw = p50(brut);
  const x = p50(xades);
  process.stdout.write(
    `${JSON.stringify({ raw_sign_ms_p50: r(raw), xades_sign_ms_p50: r(x), overhead_ratio: r(x / raw), verify_ms_p50: r(p50(verif)) })}\n`,
  );
} finally {
  fs.rmSync(dossier, { recursive: true, force: true });
}
