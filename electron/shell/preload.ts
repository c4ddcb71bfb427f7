// Preload (sandboxed): exposes exactly one object, `window.registre`, derived from the contract.
import { contextBridge, ipcRenderer } from 'electron';
import { creerPont } from '../contrat/pont';

contextBridge.exposeInMainWorld('registre', creerPont(ipcRenderer));
