import { createCipheriv, createDecipheriv, randomBytes, scryptSync, webcrypto } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { erreurs } from '../../shared/errors';
import { analyserCertificat, depuisPem, type CertificatAnalyse } from './certificats';
import type { EtatPin } from './codes-pkcs11';
import { emettreCarteFormation, type TitulaireFormation } from './formation-emission';
import type { CodePin } from './pin';

const ESSAIS_MAX = 3;
const PIN_MIN = 4;
const PIN_MAX = 8;

interface Enveloppe {
  sel: string;
  iv: string;
  tag: string;
  chiffre: string;
}

interface EtatFichier {
  version: 1;
  essaisRestants: number;
  /** The p12 password, wrapped under the PIN and under the PUK, like a card's key is kept
   * behind its PIN: changing or unblocking the PIN never re-issues the keys. */
  parPin: Enveloppe;
  parPuk: Enveloppe;
}

export interface CarteFormationOuverte {
  readonly certificats: CertificatAnalyse[];
  /** Non-extractable WebCrypto keys, by certificate fingerprint. */
  readonly cles: Map<string, CryptoKey>;
}

function deriver(secret: string, sel: Buffer): Buffer {
  return scryptSync(secret, sel, 32, { N: 1 << 14, r: 8, p: 1 });
}

function envelopper(valeur: Buffer, secret: CodePin): Enveloppe {
  const sel = randomBytes(16);
  const iv = randomBytes(12);
  const c = createCipheriv(
    'aes-256-gcm',
    secret.utiliser((s) => deriver(s, sel)),
    iv,
  );
  const chiffre = Buffer.concat([c.update(valeur), c.final()]);
  return {
    sel: sel.toString('hex'),
    iv: iv.toString('hex'),
    tag: c.getAuthTag().toString('hex'),
    chiffre: chiffre.toString('hex'),
  };
}

function ouvrirEnveloppe(e: Enveloppe, secret: CodePin): Buffer | null {
  try {
    const d = createDecipheriv(
      'aes-256-gcm',
      secret.utiliser((s) => deriver(s, Buffer.from(e.sel, 'hex'))),
      Buffer.from(e.iv, 'hex'),
    );
    d.setAuthTag(Buffer.from(e.tag, 'hex'));
    return Buffer.concat([d.update(Buffer.from(e.chiffre, 'hex')), d.final()]);
  } catch {
    return null;
  }
}

/**
 * The training card ("carte de formation"): a software signer with the card's interface (PIN
 * with 3 tries, unblocking code, authentication and signature certificates), keys in PKCS#12
 * files in the user's data folder. Its certificates carry the training policy: it can never be
 * used against a real platform.
 */
export class CarteFormation {
  readonly id = 'formation';

  constructor(private readonly dossier: string) {}

  private fichier(nom: string): string {
    return path.join(this.dossier, nom);
  }

  existe(): boolean {
    return fs.existsSync(this.fichier('carte-formation.json'));
  }

  private lireEtat(): EtatFichier {
    if (!this.existe()) throw erreurs.carteAbsente();
    return JSON.parse(fs.readFileSync(this.fichier('carte-formation.json'), 'utf8')) as EtatFichier;
  }

  private ecrireEtat(e: EtatFichier): void {
    const f = this.fichier('carte-formation.json');
    fs.writeFileSync(`${f}.tmp`, JSON.stringify(e));
    fs.renameSync(`${f}.tmp`, f);
  }

  get bornesPin(): { min: number; max: number } {
    return { min: PIN_MIN, max: PIN_MAX };
  }

  etatPin(): EtatPin {
    const n = this.lireEtat().essaisRestants;
    return n <= 0 ? 'bloque' : n === 1 ? 'dernier_essai' : n < ESSAIS_MAX ? 'essais_bas' : 'normal';
  }

  /** Issues a new training card (replaces the previous one). */
  async creer(pin: CodePin, puk: CodePin, titulaire: TitulaireFormation, maintenant: Date): Promise<void> {
    for (const p of [pin, puk])
      if (p.longueur < PIN_MIN || p.longueur > PIN_MAX) throw erreurs.pinLongueur(PIN_MIN, PIN_MAX);
    const emission = await emettreCarteFormation(titulaire, maintenant);
    const motDePasse = randomBytes(24);
    fs.mkdirSync(this.dossier, { recursive: true });
    const ca = forge.pki.certificateFromPem(emission.ca.toString('pem'));
    for (const usage of ['authentification', 'signature'] as const) {
      const { certificat, pkcs8 } = emission[usage];
      const cle = forge.pki.privateKeyFromAsn1(
        forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(pkcs8).toString('binary'))),
      );
      const p12 = forge.pkcs12.toPkcs12Asn1(
        cle as forge.pki.rsa.PrivateKey,
        [forge.pki.certificateFromPem(certificat.toString('pem')), ca],
        motDePasse.toString('hex'),
        {
          algorithm: 'aes256',
          friendlyName: usage,
        },
      );
      fs.writeFileSync(
        this.fichier(`carte-formation-${usage}.p12`),
        Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'),
      );
    }
    fs.writeFileSync(this.fichier('ca-formation.pem'), emission.ca.toString('pem'));
    fs.writeFileSync(
      this.fichier('carte-formation-certificats.pem'),
      [emission.authentification.certificat, emission.signature.certificat, emission.ca]
        .map((c) => c.toString('pem'))
        .join('\n'),
    );
    this.ecrireEtat({
      version: 1,
      essaisRestants: ESSAIS_MAX,
      parPin: envelopper(motDePasse, pin),
      parPuk: envelopper(motDePasse, puk),
    });
    motDePasse.fill(0);
  }

  caPem(): string {
    return fs.readFileSync(this.fichier('ca-formation.pem'), 'utf8');
  }

  /** Checks the PIN like a card does: a wrong one costs a try, three lock the card. */
  private motDePasse(pin: CodePin): Buffer {
    const etat = this.lireEtat();
    if (etat.essaisRestants <= 0) throw erreurs.pinBloque();
    if (pin.longueur < PIN_MIN || pin.longueur > PIN_MAX) throw erreurs.pinLongueur(PIN_MIN, PIN_MAX);
    const mdp = ouvrirEnveloppe(etat.parPin, pin);
    if (!mdp) {
      etat.essaisRestants--;
      this.ecrireEtat(etat);
      if (etat.essaisRestants <= 0) throw erreurs.pinBloque();
      throw erreurs.pinIncorrect(etat.essaisRestants);
    }
    if (etat.essaisRestants !== ESSAIS_MAX) this.ecrireEtat({ ...etat, essaisRestants: ESSAIS_MAX });
    return mdp;
  }

  /** Public certificates (readable without PIN, as on a card). */
  certificats(): CertificatAnalyse[] {
    if (!this.existe()) throw erreurs.carteAbsente();
    return depuisPem(fs.readFileSync(this.fichier('carte-formation-certificats.pem'), 'utf8'));
  }

  async ouvrir(pin: CodePin): Promise<CarteFormationOuverte> {
    const mdp = this.motDePasse(pin);
    try {
      const certificats: CertificatAnalyse[] = [];
      const cles = new Map<string, CryptoKey>();
      for (const usage of ['authentification', 'signature'] as const) {
        const der = fs.readFileSync(this.fichier(`carte-formation-${usage}.p12`));
        const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der.toString('binary')), mdp.toString('hex'));
        const cle = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[
          forge.pki.oids.pkcs8ShroudedKeyBag
        ]?.[0]?.key;
        const certs = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []).map((b) =>
          analyserCertificat(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(b.cert!)).getBytes(), 'binary')),
        );
        if (!cle) throw erreurs.carteInconnue('fichier de la carte de formation incomplet');
        const pkcs8 = Buffer.from(
          forge.asn1.toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(cle))).getBytes(),
          'binary',
        );
        const cleWeb = await webcrypto.subtle.importKey(
          'pkcs8',
          pkcs8,
          { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
          false,
          ['sign'],
        );
        pkcs8.fill(0);
        const feuille = certs.find((c) => !c.autorite);
        if (!feuille) throw erreurs.carteInconnue('certificat de la carte de formation absent');
        cles.set(feuille.empreinte, cleWeb);
        for (const c of certs) if (!certificats.some((x) => x.empreinte === c.empreinte)) certificats.push(c);
      }
      return { certificats, cles };
    } finally {
      mdp.fill(0);
    }
  }

  changerPin(ancien: CodePin, nouveau: CodePin): void {
    if (nouveau.longueur < PIN_MIN || nouveau.longueur > PIN_MAX) throw erreurs.pinLongueur(PIN_MIN, PIN_MAX);
    const mdp = this.motDePasse(ancien);
    try {
      this.ecrireEtat({ ...this.lireEtat(), essaisRestants: ESSAIS_MAX, parPin: envelopper(mdp, nouveau) });
    } finally {
      mdp.fill(0);
    }
  }

  /** Unblocks with the PUK and sets a new PIN. A wrong PUK is refused (no PUK counter here). */
  debloquer(puk: CodePin, nouveau: CodePin): void {
    if (nouveau.longueur < PIN_MIN || nouveau.longueur > PIN_MAX) throw erreurs.pinLongueur(PIN_MIN, PIN_MAX);
    const etat = this.lireEtat();
    const mdp = ouvrirEnveloppe(etat.parPuk, puk);
    if (!mdp) throw erreurs.codeDeblocageIncorrect();
    try {
      this.ecrireEtat({ ...etat, essaisRestants: ESSAIS_MAX, parPin: envelopper(mdp, nouveau) });
    } finally {
      mdp.fill(0);
    }
  }
}
