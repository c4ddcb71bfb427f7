import { createHash, webcrypto } from 'node:crypto';
import { DOMImplementation, DOMParser, XMLSerializer } from '@xmldom/xmldom';
import * as xadesjs from 'xadesjs';
import xpath from 'xpath';

/**
 * A private key that never leaves its holder (the card, through PKCS#11): it has the shape of
 * a WebCrypto CryptoKey so xadesjs can carry it, and signs through its own `signer`.
 */
export class CleMaterielle {
  readonly type = 'private' as const;
  readonly extractable = false;
  readonly usages: KeyUsage[] = ['sign'];
  constructor(
    readonly algorithm: RsaHashedKeyAlgorithm | EcKeyAlgorithm,
    readonly signer: (donnees: Uint8Array) => Promise<Uint8Array>,
  ) {}
}

function versOctets(d: BufferSource): Uint8Array {
  if (d instanceof Uint8Array) return d;
  if (ArrayBuffer.isView(d)) return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
  return new Uint8Array(d);
}

const CONDENSATS: Record<string, string> = {
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

function nomAlgo(a: AlgorithmIdentifier | { name: string; hash?: AlgorithmIdentifier }): string {
  return (typeof a === 'string' ? a : a.name).toUpperCase();
}

function enTampon(b: Buffer): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

/**
 * The one crypto engine of the process: Node's WebCrypto for digests, verification and
 * software keys (training card), and the card itself for `CleMaterielle`. One engine for the
 * whole process because xadesjs keeps it in a module global (a second setEngine loses the
 * previous key: xadesjs issue 108), and because going through our own PKCS#11 session (instead
 * of a second WebCrypto-over-PKCS#11 provider) keeps one load of the library, one session, and
 * one place where card errors are mapped.
 */
function creerMoteur(): Crypto {
  const s = webcrypto.subtle;
  const subtle = {
    /**
     * Digests of a few kilobytes: done synchronously by node:crypto rather than through
     * WebCrypto's thread-pool round trip, which costs more than the hashing itself here.
     */
    async digest(algorithme: AlgorithmIdentifier, donnees: BufferSource): Promise<ArrayBuffer> {
      const nom = CONDENSATS[nomAlgo(algorithme)];
      if (!nom) return s.digest(algorithme, donnees);
      return enTampon(createHash(nom).update(versOctets(donnees)).digest());
    },
    verify: s.verify.bind(s),
    importKey: s.importKey.bind(s),
    exportKey: s.exportKey.bind(s),
    generateKey: s.generateKey.bind(s),
    encrypt: s.encrypt.bind(s),
    decrypt: s.decrypt.bind(s),
    deriveBits: s.deriveBits.bind(s),
    deriveKey: s.deriveKey.bind(s),
    wrapKey: s.wrapKey.bind(s),
    unwrapKey: s.unwrapKey.bind(s),
    async sign(
      algorithme: AlgorithmIdentifier,
      cle: CryptoKey | CleMaterielle,
      donnees: BufferSource,
    ): Promise<ArrayBuffer> {
      if (cle instanceof CleMaterielle) {
        const sig = await cle.signer(versOctets(donnees));
        return sig.buffer.slice(sig.byteOffset, sig.byteOffset + sig.byteLength) as ArrayBuffer;
      }
      return s.sign(algorithme, cle, donnees);
    },
  };
  return {
    subtle,
    getRandomValues: webcrypto.getRandomValues.bind(webcrypto),
    randomUUID: webcrypto.randomUUID.bind(webcrypto),
  } as unknown as Crypto;
}

let pret = false;

/** Installs the XML dependencies and the engine, once per process. Returns xadesjs. */
export function xades(): typeof xadesjs {
  if (!pret) {
    xadesjs.setNodeDependencies({ XMLSerializer, DOMParser, DOMImplementation, xpath });
    xadesjs.Application.setEngine('Registre', creerMoteur());
    pret = true;
  }
  return xadesjs;
}
