// Making, re-opening, restoring, unlocking and forgetting the unit's key, loaded by the app
// (crates/app/src/key_store.rs) only when the user does one of them; the storage is keys.js.
// Each step that changes the key holds a lock (navigator.locks) shared by every tab and
// re-reads the storage inside it, so that a double click or two tabs make one key. Argon2
// runs in the backup worker, never on the page's thread; it takes and returns tdg-signer-api's
// SealRequest, Sealed and Opened (crates/signer/api), as JSON text. Failures are keys.js's.
import {
  fault, message, find, writeRecord, deleteRecord, forgetLegacy, setSession,
} from './keys.js';

/// Runs `task` (a function returning a promise) holding the lock `name` across every tab of
/// this origin. Browsers without navigator.locks run it at once (the page's own guard remains).
async function locked(name, task) {
  try {
    // In a cross-site frame, the locks granted by the Storage Access API (see keys.js).
    const locks = globalThis.tdgStorageHandle?.locks ?? navigator.locks;
    if (locks?.request) {
      return await locks.request(name, { mode: 'exclusive' }, () => task());
    }
    return await task();
  } catch (error) {
    throw error?.kind ? error : fault('storage', { text: message(error) });
  }
}

let worker;
let nextId = 0;
const waiting = new Map();

function backupWorker() {
  if (!worker) {
    worker = new Worker(new URL('backup-worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }) => {
      const entry = waiting.get(data.id);
      waiting.delete(data.id);
      if (data.fault?.kind === 'crashed') worker = undefined; // it closed itself: start afresh next time
      if (entry) 'ok' in data ? entry.resolve(data.ok) : entry.reject(data.fault);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const failure = fault('load', { text: event.message || 'the backup worker could not start' });
      for (const entry of waiting.values()) entry.reject(failure);
      waiting.clear();
      worker?.terminate();
      worker = undefined;
    };
  }
  return worker;
}

/// Runs `op` ("seal" or "open") in the backup worker: its answer, parsed, with every field of
/// `fields` text; rejects with { kind, text }.
async function inWorker(op, args, fields) {
  const reply = await new Promise((resolve, reject) => {
    const id = ++nextId;
    waiting.set(id, { resolve, reject });
    backupWorker().postMessage({ id, op, args });
  });
  let value = null;
  try {
    value = JSON.parse(reply);
  } catch {
    // Not JSON: refused below.
  }
  if (!value || !fields.every((f) => typeof value[f] === 'string')) throw fault('badReply', { text: 'backup worker' });
  return value;
}

/// An opened backup (Opened): the key, to import and then drop. `training`: training mode's
/// area, where a training key opens; the unit's area refuses one (the rule is tdg-report's).
const open = (file, password, training) =>
  inWorker('open', [file, password, training], ['did', 'fingerprint', 'seed', 'pkcs8']);

function hexBytes(text) {
  if (!/^([0-9a-f]{2})*$/.test(text)) throw fault('badReply', { text: 'hex' });
  return Uint8Array.from(text.match(/../g) ?? [], (b) => parseInt(b, 16));
}

/// Keeps an opened key as non-extractable (or only its backup where the browser lacks
/// Ed25519, unlocked for this session), replacing what is stored; deletes the old plaintext
/// entry.
async function keep(db, legacy, opened, backup) {
  let key = null;
  try {
    key = await crypto.subtle.importKey('pkcs8', hexBytes(opened.pkcs8), { name: 'Ed25519' }, false, ['sign']);
  } catch (error) {
    if (error?.kind) throw error;
    if (error?.name !== 'NotSupportedError') throw fault('webcrypto', { text: message(error) });
  }
  const protection = key ? 'browser' : 'password';
  if (!key) setSession(opened);
  await writeRecord(db, protection, opened.did, opened.fingerprint, backup, key);
  forgetLegacy(legacy);
  return { did: opened.did, fingerprint: opened.fingerprint, protection };
}

const fileText = (bytes) => new TextDecoder().decode(bytes);

/// The first step of making the unit's key (or of moving the old plaintext one): seals it
/// under `password` (with the page's random `seed`, `salt` and `nonce`, in hex) and keeps it as
/// pending with its backup. Returns { did, fingerprint, protection, backup, madeHere }; the
/// key is usable only after `finish` re-opened that file. If another tab (or click) got there
/// first, its key is returned instead (madeHere false) and nothing new is made.
function begin(db, lock, legacy, training, password, label, seed, salt, nonce) {
  return locked(lock, async () => {
    const found = await find(db, legacy);
    if (found.info?.protection === 'unreadable') throw fault('unreadable', { fingerprint: found.info.fingerprint });
    if (found.info && found.info.protection !== 'legacy') return { ...found.info, backup: found.backup, madeHere: false };
    const request = { seed: found.legacy?.seed ?? seed, password, label, salt, nonce, training };
    const sealed = await inWorker('seal', [JSON.stringify(request)], ['did', 'fingerprint', 'file']);
    await writeRecord(db, 'pending', sealed.did, sealed.fingerprint, sealed.file, null);
    return { did: sealed.did, fingerprint: sealed.fingerprint, protection: 'pending', backup: sealed.file, madeHere: true };
  });
}

/// The second step: the user re-opened the pending key's backup `file` (bytes) with its
/// password, which proves the file was kept. Only then is the key imported and the seed dropped.
async function finish(db, lock, legacy, training, file, password) {
  const opened = await open(file, password, training);
  return locked(lock, async () => {
    const { info } = await find(db, legacy);
    if (!info) throw fault('noKey');
    if (info.did !== opened.did) throw fault('notThisKey', { expected: info.fingerprint, opened: opened.fingerprint });
    // Another tab finished first: nothing to do.
    return info.protection === 'pending' ? keep(db, legacy, opened, fileText(file)) : info;
  });
}

/// Restores a key from its backup (another computer). `confirm(fingerprint)` is asked, with
/// the fingerprint of the key it would replace, before anything different is replaced.
async function restore(db, lock, legacy, training, file, password, confirm) {
  const opened = await open(file, password, training);
  return locked(lock, async () => {
    const { info } = await find(db, legacy);
    if (info && info.did !== opened.did && !confirm(info.fingerprint)) throw fault('declined');
    return keep(db, legacy, opened, fileText(file));
  });
}

/// Removes the key from this computer (after the caller's confirmation).
function forget(db, lock, legacy) {
  return locked(lock, async () => {
    await deleteRecord(db);
    forgetLegacy(legacy);
    setSession(null);
  });
}

/// Unlocks a key kept only as its backup, for this session.
export async function unlock(db, password, training) {
  const { backup } = await find(db, null);
  if (backup === null) throw fault('noKey');
  setSession(await open(new TextEncoder().encode(backup), password, training));
}

/// The steps that change the key stored in `db`, under the lock `lock`, moving the old entry
/// `legacy` (if the area has one); `training`: training mode's area, whose keys are sealed as
/// training keys.
export function area(db, lock, legacy, training) {
  return {
    begin: (...args) => begin(db, lock, legacy, training, ...args),
    finish: (...args) => finish(db, lock, legacy, training, ...args),
    restore: (...args) => restore(db, lock, legacy, training, ...args),
    forget: () => forget(db, lock, legacy),
  };
}
