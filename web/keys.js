// The unit's key on this computer, loaded on demand by the app (crates/app/src/key_store.rs):
// IndexedDB records holding a non-extractable WebCrypto Ed25519 key (structured clone keeps
// it non-extractable: no script, ours included, can read the private key back), a lock so
// that two tabs or a double click make one key, and the backup worker (Argon2 off the page's
// thread). No key material is logged or sent anywhere.
const STORE = 'keys';
const CURRENT = 'current';

function openDb(name) {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

async function transaction(name, mode, use) {
  const db = await openDb(name);
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = use(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

/// The stored record or null: { protection, did, fingerprint, backup, key }.
export async function readRecord(db) {
  return (await transaction(db, 'readonly', (s) => s.get(CURRENT))) ?? null;
}

export async function writeRecord(db, protection, did, fingerprint, backup, key) {
  await transaction(db, 'readwrite', (s) => s.put({ protection, did, fingerprint, backup, key: key ?? null }, CURRENT));
}

export async function deleteRecord(db) {
  await transaction(db, 'readwrite', (s) => s.delete(CURRENT));
}

/// Runs `task` (a function returning a promise) holding the lock `name` across every tab of
/// this origin. Browsers without navigator.locks run it at once (the page's own guard remains).
export function withLock(name, task) {
  if (navigator.locks?.request) {
    return navigator.locks.request(name, { mode: 'exclusive' }, () => task());
  }
  return task();
}

/// The key as a non-extractable WebCrypto key, or null where this browser has no Ed25519.
export async function importKey(pkcs8) {
  try {
    return await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']);
  } catch (error) {
    if (error?.name === 'NotSupportedError') return null;
    throw error;
  }
}

/// Ed25519 signature (64 bytes) of `data` by the stored key of `db`.
export async function signStored(db, data) {
  const record = await readRecord(db);
  if (!(record?.key instanceof CryptoKey)) throw new Error('no WebCrypto key is stored');
  return new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, record.key, data));
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
      const fault = { kind: 'load', text: event.message || 'the backup worker could not start' };
      for (const entry of waiting.values()) entry.reject(fault);
      waiting.clear();
      worker?.terminate();
      worker = undefined;
    };
  }
  return worker;
}

/// Runs `op` ("seal" or "open") in the backup worker; rejects with { kind, text }.
export function inWorker(op, args) {
  return new Promise((resolve, reject) => {
    const id = ++nextId;
    waiting.set(id, { resolve, reject });
    backupWorker().postMessage({ id, op, args });
  });
}
