// An independent eddsa-jcs-2022 verifier in plain JavaScript (Node's built-in Ed25519), written
// from the W3C specification alone: the recipe of docs/report-format.md, run by the test suite
// against our reports and the W3C test vector.
import { createHash, createPublicKey, verify } from 'node:crypto';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function base58btc(text) {
  if (!text.startsWith('z')) throw new Error('not base58btc multibase');
  let n = 0n;
  for (const ch of text.slice(1)) {
    const digit = ALPHABET.indexOf(ch);
    if (digit < 0) throw new Error('bad base58 character');
    n = n * 58n + BigInt(digit);
  }
  const bytes = [];
  while (n > 0n) { bytes.unshift(Number(n % 256n)); n /= 256n; }
  for (const ch of text.slice(1)) { if (ch === '1') bytes.unshift(0); else break; }
  return Buffer.from(bytes);
}

// RFC 8785: JSON.stringify already prints numbers and strings the JCS way; object keys are
// sorted by UTF-16 code units, which is what Array.prototype.sort does with no comparator.
export function jcs(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${jcs(value[k])}`).join(',')}}`;
}

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest();

export function ed25519FromMultibase(multibase) {
  const bytes = base58btc(multibase);
  if (bytes[0] !== 0xed || bytes[1] !== 0x01 || bytes.length !== 34) throw new Error('not an Ed25519 multikey');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: bytes.subarray(2).toString('base64url') }, format: 'jwk' });
}

/// Verifies `secured` (a parsed JSON document) with the Ed25519 key given as `z6Mk…` multibase.
export function verifyEddsaJcs2022(secured, publicKeyMultibase) {
  const { proof, ...unsecured } = secured;
  if (!proof || proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== 'eddsa-jcs-2022') return false;
  const { proofValue, ...options } = proof;
  if (options['@context'] !== undefined) {
    const doc = [].concat(unsecured['@context'] ?? []);
    const ctx = [].concat(options['@context']);
    if (!ctx.every((c, i) => JSON.stringify(c) === JSON.stringify(doc[i]))) return false;
    unsecured['@context'] = options['@context'];
  }
  const hashData = Buffer.concat([sha256(jcs(options)), sha256(jcs(unsecured))]);
  return verify(null, hashData, ed25519FromMultibase(publicKeyMultibase), base58btc(proofValue));
}

/// For a report of this tool: the key is the issuer's did:key, which the proof must name.
export function verifyReport(report) {
  const id = String(report.issuer).replace(/^did:key:/, '');
  if (report.proof?.verificationMethod !== `did:key:${id}#${id}`) return false;
  return verifyEddsaJcs2022(report, id);
}
