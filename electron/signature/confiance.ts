import { erreurs } from '../../shared/errors';
import { depuisPem, validite, x509, type CertificatAnalyse } from './certificats';

const PROFONDEUR_MAX = 6;

function memesOctets(a: ArrayBuffer, b: ArrayBuffer): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}

/**
 * The trust list: the CAs whose agents' signatures we accept (in tests, the test root CA).
 * Chain building is done here (a few lines) rather than with @peculiar/x509's chain builder
 * because we also need what it does not check: CA flag and keyCertSign on every issuer,
 * validity of every link at the signing time, and an anchor that is in OUR list.
 */
export class Confiance {
  readonly #ancres: Map<string, CertificatAnalyse>;
  /** `${child}>${issuer}` -> signature checked; a certificate's signature never changes. */
  readonly #verifiees = new Map<string, boolean>();

  constructor(ancres: readonly CertificatAnalyse[]) {
    this.#ancres = new Map(ancres.map((a) => [a.empreinte, a]));
  }

  static depuisPem(pem: string): Confiance {
    return new Confiance(depuisPem(pem));
  }

  get ancres(): CertificatAnalyse[] {
    return [...this.#ancres.values()];
  }

  get vide(): boolean {
    return this.#ancres.size === 0;
  }

  contient(c: CertificatAnalyse): boolean {
    return this.#ancres.has(c.empreinte);
  }

  private async signePar(enfant: CertificatAnalyse, parent: CertificatAnalyse): Promise<boolean> {
    if (!memesOctets(enfant.x509.issuerName.toArrayBuffer(), parent.x509.subjectName.toArrayBuffer())) return false;
    const cle = `${enfant.empreinte}>${parent.empreinte}`;
    let ok = this.#verifiees.get(cle);
    if (ok === undefined) {
      try {
        ok = await enfant.x509.verify({ publicKey: parent.x509.publicKey, signatureOnly: true });
      } catch {
        ok = false;
      }
      this.#verifiees.set(cle, ok);
    }
    return ok;
  }

  /**
   * Builds and checks the chain from `certificat` to an anchor of the list, every link valid at
   * each `instant` (a signature: the signing time and the reception time). `candidats` are the intermediates found with the signature (KeyInfo).
   * Returns the chain (certificate first, anchor last) or throws signature_invalide.
   */
  async verifierChaine(
    certificat: CertificatAnalyse,
    candidats: readonly CertificatAnalyse[],
    instant: Date | readonly Date[],
  ): Promise<CertificatAnalyse[]> {
    const instants = Array.isArray(instant) ? instant : [instant];
    if (this.vide) throw erreurs.signatureInvalide('aucune autorité de confiance n’est configurée');
    const chaine = [certificat];
    let courant = certificat;
    for (let i = 0; i < PROFONDEUR_MAX; i++) {
      if (this.contient(courant)) return chaine;
      let parent: CertificatAnalyse | null = null;
      for (const c of [...this.#ancres.values(), ...candidats]) {
        if (c.empreinte !== courant.empreinte && (await this.signePar(courant, c))) {
          parent = c;
          break;
        }
      }
      if (!parent) {
        throw erreurs.signatureInvalide('le certificat n’a pas été émis par une autorité de la liste de confiance');
      }
      if (!parent.autorite || !(parent.usagesCle & x509.KeyUsageFlags.keyCertSign)) {
        throw erreurs.signatureInvalide('un maillon de la chaîne n’est pas une autorité de certification');
      }
      for (const t of instants) {
        const v = validite(parent, t).validite;
        if (v === 'expire' || v === 'pas_encore_valide') {
          throw erreurs.signatureInvalide(
            t === instants[0]
              ? 'une autorité de la chaîne n’était pas valide à la date de signature'
              : 'une autorité de la chaîne n’est plus valide à la date de réception ou de vérification',
          );
        }
      }
      chaine.push(parent);
      courant = parent;
    }
    throw erreurs.signatureInvalide('chaîne de certification trop longue');
  }
}
