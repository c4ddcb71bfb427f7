/**
 * Saves data as a file through the browser's download (a Blob URL on an <a download>): works
 * the same in Electron and in the harness, and the CSP allows blob: URLs for this.
 */
export function telecharger(nomFichier: string, contenu: Blob): void {
  const url = URL.createObjectURL(contenu);
  const lien = document.createElement('a');
  lien.href = url;
  lien.download = nomFichier;
  lien.rel = 'noopener';
  lien.style.display = 'none';
  document.body.appendChild(lien);
  lien.click();
  lien.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function texteVersBlob(texte: string): Blob {
  // The BOM lets Windows' Notepad and Excel read the accents as UTF-8.
  return new Blob(['\uFEFF', texte], { type: 'text/plain;charset=utf-8' });
}

export function base64VersOctets(base64: string): Uint8Array<ArrayBuffer> {
  const binaire = atob(base64);
  const octets = new Uint8Array(binaire.length);
  for (let i = 0; i < binaire.length; i++) octets[i] = binaire.charCodeAt(i);
  return octets;
}

export function pdfVersBlob(base64: string): Blob {
  return new Blob([base64VersOctets(base64)], { type: 'application/pdf' });
}

/** A file name without characters Windows refuses. */
export function nomFichierSur(nom: string): string {
  return nom.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').slice(0, 150);
}
