// Differential test of our RFC 8785 canonicalisation (crates/report/src/jcs.rs, through the
// `tdg-jcs` binary of crates/fuzz) against the npm `canonicalize` package, over seeded generated
// documents: strings with escapes, control characters and non-BMP characters, nested objects
// whose unicode keys sort differently by UTF-16 code units than by code points, integers in the
// exact range, and (separately) arbitrary doubles. Byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import canonicalize from 'canonicalize';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = process.env.TDG_JCS_BIN ?? `${root}target/debug/tdg-jcs`;

// mulberry32: a seeded generator, so that a failure replays.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHARS = [
  'a', 'Z', '0', ' ', '"', '\\', '/', '\b', '\f', '\n', '\r', '\t', '\u0000', '\u0001', '\u001f',
  '\u007f', '\u0080', '\u00e9', '\u00f6', 'ệ', 'Đ', 'ư', '\u2028', '\u2029', '\u20ac', '\ufb33',
  '\ue000', '\uffff', '\u{1f600}', '\u{10000}', '\u{10ffff}', '\u{1d11e}', 'ả', '1',
];

function generator(seed) {
  const r = rng(seed);
  const int = (n) => Math.floor(r() * n);
  const string = () => {
    let s = '';
    for (let i = int(8); i > 0; i--) s += CHARS[int(CHARS.length)];
    return s;
  };
  const safeInteger = () => {
    // Every magnitude: small, large, the bounds.
    const pick = int(4);
    const magnitude = pick === 0 ? int(100)
      : pick === 1 ? Number.MAX_SAFE_INTEGER - int(3)
        : Math.floor(r() * 2 ** (1 + int(53)));
    return r() < 0.3 ? -magnitude : magnitude;
  };
  const double = () => {
    const bits = new DataView(new ArrayBuffer(8));
    bits.setUint32(0, Math.floor(r() * 2 ** 32));
    bits.setUint32(4, Math.floor(r() * 2 ** 32));
    const d = bits.getFloat64(0);
    return Number.isFinite(d) ? d : r() * 1e6;
  };
  const value = (depth, numbers) => {
    const kind = depth > 3 ? int(4) : int(6);
    switch (kind) {
      case 0: return numbers();
      case 1: return string();
      case 2: return [null, true, false][int(3)];
      case 3: return numbers();
      case 4: return Array.from({ length: int(4) }, () => value(depth + 1, numbers));
      default: {
        const object = {};
        for (let i = int(6); i > 0; i--) object[string()] = value(depth + 1, numbers);
        return object;
      }
    }
  };
  return { document: (numbers) => value(0, numbers === 'doubles' ? double : safeInteger) };
}

function ours(documents) {
  assert.ok(existsSync(bin), `${bin} is missing: cargo build -p tdg-fuzz --bin tdg-jcs`);
  const input = documents.map((d) => JSON.stringify(d)).join('\n') + '\n';
  const run = spawnSync(bin, [], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.split('\n').slice(0, documents.length);
}

function compare(documents) {
  const got = ours(documents);
  let differences = 0;
  for (let i = 0; i < documents.length; i++) {
    const want = canonicalize(documents[i]);
    if (got[i] !== want) {
      differences += 1;
      if (differences <= 3) {
        assert.fail(`document ${i}: ${JSON.stringify(documents[i])}\nours:         ${got[i]}\ncanonicalize: ${want}`);
      }
    }
  }
  assert.equal(differences, 0);
}

test('our JCS equals canonicalize on 3,000 generated documents (integers in the exact range)', () => {
  const g = generator(2026);
  compare(Array.from({ length: 3000 }, () => g.document('integers')));
});

test('our JCS equals canonicalize on 1,000 generated documents with arbitrary doubles', () => {
  const g = generator(8785);
  compare(Array.from({ length: 1000 }, () => g.document('doubles')));
});

test('keys sort by UTF-16 code units: a non-BMP key before U+FB33, after U+20AC', () => {
  const doc = { '\ufb33': 1, '\u{1f600}': 2, '\u20ac': 3, '\r': 4, '1': 5, '\u0080': 6, '\u00f6': 7 };
  compare([doc]);
  assert.equal(ours([doc])[0], canonicalize(doc));
});
