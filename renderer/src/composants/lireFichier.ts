/**
 * A picked file's content in base64 (what `registre.importer` takes), read by the browser's
 * FileReader: native and fast even for large registers, unlike a hand-made encoder.
 */
export function lireEnBase64(fichier: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const lecteur = new FileReader();
    lecteur.onerror = () => reject(lecteur.error ?? new Error('lecture impossible'));
    lecteur.onload = () => {
      const url = String(lecteur.result ?? '');
      const virgule = url.indexOf(',');
      resolve(virgule >= 0 ? url.slice(virgule + 1) : '');
    };
    lecteur.readAsDataURL(fichier);
  });
}
