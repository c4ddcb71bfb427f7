/** The command line's public face: the `registre` commands, each calling the app's services. */
export { commandes } from './commandes';
