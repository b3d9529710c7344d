// Argon2 (64 MiB, 3 passes) takes seconds: it runs here, in a module worker, so the page never
// freezes. The worker loads its own instance of the signing module. Requests: { id, op, args }
// with op "seal" ([SealRequest JSON]) or "open" ([file bytes, password]); replies: { id, ok }
// or { id, fault: { kind, text } } where kind is "refused" (the module's bilingual JSON),
// "crashed" (a WebAssembly trap: this worker then closes, and the page starts a fresh one) or
// "load" (the module could not be fetched or started).
import init, { seal_backup, open_backup } from './tdg_signer.js';

const ready = init({ module_or_path: new URL('tdg_signer_bg.wasm', import.meta.url) });

self.onmessage = async ({ data: { id, op, args } }) => {
  try {
    await ready;
  } catch (error) {
    self.postMessage({ id, fault: { kind: 'load', text: String(error) } });
    return;
  }
  try {
    const ok = op === 'seal' ? seal_backup(args[0]) : open_backup(args[0], args[1], args[2] === true);
    self.postMessage({ id, ok });
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) {
      self.postMessage({ id, fault: { kind: 'crashed', text: String(error) } });
      self.close();
    } else {
      self.postMessage({ id, fault: { kind: 'refused', text: String(error) } });
    }
  }
};
