/** The browser harness's public face: the same services as the desktop app, behind HTTP on 127.0.0.1. */
export { demarrerServeurHarnais, type Harnais, type OptionsHarnais } from './serveur';
