// Loads the bundled main process with a stand-in for the electron module that refuses the
// single-instance lock: proves the bundle resolves every module it needs, then quits at once.
const Module = require('module');
const orig = Module._load;
let quit = false;
Module._load = function (r, ...a) {
  if (r === 'electron')
    return {
      app: {
        requestSingleInstanceLock: () => false,
        quit: () => {
          quit = true;
        },
      },
      BrowserWindow: {},
      dialog: {},
      ipcMain: {},
      net: {},
      protocol: {},
      session: {},
    };
  return orig.call(this, r, ...a);
};
require(process.argv[2]);
console.log('main chargé, quit =', quit);
