// SHA-256 of an evidence file, in a worker, a slice at a time: the file is never copied whole
// into memory (WebCrypto's digest is not incremental, so it would need the whole file at once).
// The app starts this module worker only when a file is hashed; it is not part of the first load.
// Messages out: { done, total } after each slice, then { sha256 } or { error }.
// Also imported by the Node tests (tests/e2e/hash.test.mjs), hence the export.

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

export class Sha256 {
  constructor() {
    this.h = new Int32Array([
      0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]);
    this.w = new Int32Array(64);
    this.tail = new Uint8Array(64); // bytes waiting for a whole 64-byte block
    this.tailLength = 0;
    this.length = 0; // bytes hashed so far (exact up to 2^53)
  }

  /// Hashes the 64-byte blocks of `bytes` from `offset` up to `end` (a multiple of 64 after it).
  blocks(bytes, offset, end) {
    const w = this.w;
    const h = this.h;
    let h0 = h[0], h1 = h[1], h2 = h[2], h3 = h[3], h4 = h[4], h5 = h[5], h6 = h[6], h7 = h[7];
    for (let p = offset; p < end; p += 64) {
      for (let i = 0; i < 16; i++) {
        const q = p + i * 4;
        w[i] = (bytes[q] << 24) | (bytes[q + 1] << 16) | (bytes[q + 2] << 8) | bytes[q + 3];
      }
      for (let i = 16; i < 64; i++) {
        const a = w[i - 15];
        const b = w[i - 2];
        const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
        const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
      }
      let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, hh = h7;
      for (let i = 0; i < 64; i++) {
        const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        const ch = (e & f) ^ (~e & g);
        const t1 = (hh + S1 + ch + K[i] + w[i]) | 0;
        const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        const maj = (a & b) ^ (a & c) ^ (b & c);
        const t2 = (S0 + maj) | 0;
        hh = g; g = f; f = e; e = (d + t1) | 0;
        d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
      h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + hh) | 0;
    }
    h[0] = h0; h[1] = h1; h[2] = h2; h[3] = h3; h[4] = h4; h[5] = h5; h[6] = h6; h[7] = h7;
  }

  update(bytes) {
    this.length += bytes.length;
    let offset = 0;
    if (this.tailLength > 0) {
      const take = Math.min(64 - this.tailLength, bytes.length);
      this.tail.set(bytes.subarray(0, take), this.tailLength);
      this.tailLength += take;
      offset = take;
      if (this.tailLength < 64) return this;
      this.blocks(this.tail, 0, 64);
      this.tailLength = 0;
    }
    const end = offset + Math.floor((bytes.length - offset) / 64) * 64;
    this.blocks(bytes, offset, end);
    this.tail.set(bytes.subarray(end), 0);
    this.tailLength = bytes.length - end;
    return this;
  }

  /// The digest, lowercase hex. The hash cannot be updated afterwards.
  hex() {
    const bits = this.length * 8;
    const pad = new Uint8Array(this.tailLength < 56 ? 64 - this.tailLength : 128 - this.tailLength);
    pad[0] = 0x80;
    const view = new DataView(pad.buffer);
    view.setUint32(pad.length - 8, Math.floor(bits / 0x100000000));
    view.setUint32(pad.length - 4, bits >>> 0);
    this.update(pad);
    let out = '';
    for (const word of this.h) out += (word >>> 0).toString(16).padStart(8, '0');
    return out;
  }
}

/// 8 MiB slices: few enough messages, little memory.
const SLICE = 8 * 1024 * 1024;

export async function hashBlob(blob, progress = () => {}) {
  const sha = new Sha256();
  for (let done = 0; done < blob.size;) {
    const bytes = new Uint8Array(await blob.slice(done, done + SLICE).arrayBuffer());
    if (bytes.length === 0) throw new Error('the file became shorter while it was read');
    sha.update(bytes);
    done += bytes.length;
    progress(done, blob.size);
  }
  return sha.hex();
}

// In a worker: hash the file posted to us.
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  self.onmessage = async (message) => {
    try {
      const sha256 = await hashBlob(message.data, (done, total) => self.postMessage({ done, total }));
      self.postMessage({ sha256 });
    } catch (error) {
      self.postMessage({ error: String(error) });
    }
  };
}
