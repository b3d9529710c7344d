// The unit's key on this computer, loaded by the app when the signing panel shows
// (crates/app/src/key_store.rs): IndexedDB records holding a non-extractable WebCrypto Ed25519
// key (structured clone keeps it non-extractable: no script, ours included, can read the
// private key back), what the panel shows (`current`) and signing. Making, re-opening,
// restoring, unlocking and forgetting the key are in key-steps.js, loaded only when the user
// does one of them. None of it is in the app's WebAssembly, whose first load carries only what
// renders the form. No key material is logged or sent anywhere.
//
// Every failure is thrown as { kind, ... }, read by key_store.rs:
//   storage { text }, webcrypto { text }, notThisKey { expected, opened }, unreadable
//   { fingerprint }, noKey, declined, badReply { text }, and from the backup worker
//   refused { text } (the module's bilingual JSON), crashed { text }, load { text }.
const STORE = 'keys';
const CURRENT = 'current';
const STORED = ['browser', 'password', 'pending'];

export const fault = (kind, fields = {}) => ({ kind, ...fields });
export const message = (error) => String(error?.message ?? error);
const isText = (value) => typeof value === 'string';

export async function inStorage(promise) {
  try {
    return await promise;
  } catch (error) {
    throw fault('storage', { text: message(error) });
  }
}

function openDb(name) {
  return new Promise((resolve, reject) => {
    // In a cross-site frame, the storage granted by the Storage Access API (crates/app/src/portal.rs).
    const request = (globalThis.tdgStorageHandle?.indexedDB ?? indexedDB).open(name, 1);
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
const readRecord = (db) => inStorage(transaction(db, 'readonly', (s) => s.get(CURRENT)).then((r) => r ?? null));

export const writeRecord = (db, protection, did, fingerprint, backup, key) =>
  inStorage(transaction(db, 'readwrite', (s) => s.put({ protection, did, fingerprint, backup, key: key ?? null }, CURRENT)));

export const deleteRecord = (db) => inStorage(transaction(db, 'readwrite', (s) => s.delete(CURRENT)));

/// The old plaintext entry (the seed in hex with its identity, in localStorage): a key only if
/// its seed is 32 bytes of hex, else unreadable with the fingerprint it names, if any. The same
/// rule as `key_store::parse_legacy`, which shows the entry at start-up.
export function parseLegacy(text) {
  let value = null;
  try {
    value = JSON.parse(text);
  } catch {
    // Damaged: unreadable, below.
  }
  if (value && isText(value.seed) && isText(value.did) && isText(value.fingerprint) && /^[0-9a-fA-F]{64}$/.test(value.seed)) {
    return { seed: value.seed, did: value.did, fingerprint: value.fingerprint };
  }
  return { unreadable: true, fingerprint: value && isText(value.fingerprint) ? value.fingerprint : '' };
}

function readLegacy(entry) {
  let text = null;
  try {
    if (entry) text = (globalThis.tdgStorageHandle?.localStorage ?? localStorage).getItem(entry);
  } catch {
    // Storage blocked: there is no old entry to move.
  }
  return text === null ? null : parseLegacy(text);
}

export function forgetLegacy(entry) {
  try {
    if (entry) (globalThis.tdgStorageHandle?.localStorage ?? localStorage).removeItem(entry);
  } catch {
    // Storage blocked: nothing was stored there either.
  }
}

const unreadable = (fingerprint) => ({ did: '', fingerprint, protection: 'unreadable' });

/// The key of `db` (with the old entry `legacy`, if the area had one) as { info, backup, legacy }.
export async function find(db, legacy) {
  const old = readLegacy(legacy);
  const record = await readRecord(db);
  if (!record) {
    const info = old && (old.unreadable ? unreadable(old.fingerprint) : { did: old.did, fingerprint: old.fingerprint, protection: 'legacy' });
    return { info, backup: null, legacy: old };
  }
  const fingerprint = isText(record.fingerprint) ? record.fingerprint : '';
  // A record that says "browser" must hold the key itself.
  const holdsKey = typeof record.key === 'object' && record.key !== null;
  const usable = STORED.includes(record.protection) && isText(record.did) && record.did !== ''
    && (record.protection !== 'browser' || holdsKey);
  return {
    info: usable ? { did: record.did, fingerprint, protection: record.protection } : unreadable(fingerprint),
    backup: isText(record.backup) ? record.backup : null,
    legacy: old,
  };
}

/// The key of `db`: { did, fingerprint, protection } or null.
export async function current(db, legacy) {
  return (await find(db, legacy)).info ?? null;
}

/// The stored backup file of the key (to download again), or null.
export async function storedBackup(db) {
  return (await find(db, null)).backup;
}

/// The seed of a key kept only as its backup, once unlocked in this session (page):
/// { did, seed }. Only for browsers without Ed25519 in WebCrypto.
let session = null;

export function setSession(opened) {
  session = opened && { did: opened.did, seed: opened.seed };
}

/// The unlocked seed of `did` in this session, or null.
export function sessionSeed(did) {
  return session?.did === did ? session.seed : null;
}

/// Ed25519 signature (64 bytes) of `data` by the stored key of `db`.
export async function signStored(db, data) {
  const record = await readRecord(db);
  if (!(record?.key instanceof CryptoKey)) throw fault('webcrypto', { text: 'no WebCrypto key is stored' });
  try {
    return new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, record.key, data));
  } catch (error) {
    throw fault('webcrypto', { text: message(error) });
  }
}
