// Runs the end-to-end test files (`cargo xtask test` calls this), several at a time and the
// longest first. `node --test tests/e2e/` takes them in alphabetical order: keys.test.mjs (about
// 100 s) and the office's files started last and ran on alone while the other lanes stood idle.
// Each file's time is kept in $TDG_OUT/durations.json for the next run; a file not timed yet is
// guessed from its size (about 250 bytes of test a second). Prints TAP, like `node --test
// --test-reporter=tap`, and exits non-zero when a test fails.
import { run } from 'node:test';
import { tap } from 'node:test/reporters';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = process.env.TDG_OUT ?? 'target/e2e';
const RECORD = join(OUT, 'durations.json');
/// Files side by side: each waits on its browser, downloads and `tdg` a good part of the time.
/// Measured on 6 of the files (2 cores at load 7–15): 146 s at 2, 135 s at 4, the same CPU
/// time. `TDG_E2E_CONCURRENCY=N` changes it (1 to read one file's output in order); anything
/// but a whole number from 1 means 4.
const CONCURRENCY = ((n) => (Number.isInteger(n) && n > 0 ? n : 4))(Number(process.env.TDG_E2E_CONCURRENCY));
/// The files node's runner would pick in this folder (`node --test tests/e2e/`).
const TEST_FILE = /\.test\.[cm]?js$/;

function timesOfLastRun() {
  try {
    const times = JSON.parse(readFileSync(RECORD, 'utf8'));
    return times && typeof times === 'object' ? times : {};
  } catch {
    return {};
  }
}

/// The seconds a file is expected to take: last run's, else a guess from its size.
function expected(file, last) {
  return last[basename(file)] ?? statSync(file).size / 250;
}

const last = timesOfLastRun();
const files = readdirSync(HERE)
  .filter((name) => TEST_FILE.test(name))
  .map((name) => join(HERE, name))
  .sort((a, b) => expected(b, last) - expected(a, last) || a.localeCompare(b));

// A file's time: its top-level tests' durations added up (its browser's start is not counted,
// which changes no order).
const seconds = {};
const stream = run({ files, concurrency: CONCURRENCY });
stream.on('test:pass', (t) => { if (t.nesting === 0 && t.file) add(t); });
stream.on('test:fail', (t) => {
  // A failing `todo` test fails nothing, as with `node --test`.
  if (t.todo === undefined || t.todo === false) process.exitCode = 1;
  if (t.nesting === 0 && t.file) add(t);
});
function add(t) {
  const name = basename(t.file);
  seconds[name] = (seconds[name] ?? 0) + (t.details?.duration_ms ?? 0) / 1000;
}
stream.on('end', () => {
  // Files that did not run this time (a filtered run) keep their last time. Not written (a
  // full disk, say): the next run's order is only a guess, and the tests' result stands.
  const rounded = Object.fromEntries(Object.entries(seconds).map(([k, v]) => [k, Math.round(v * 10) / 10]));
  try {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(RECORD, `${JSON.stringify({ ...last, ...rounded }, null, 1)}\n`);
  } catch (error) {
    console.error(`# the files' times were not kept: ${error.message}`);
  }
});
stream.compose(tap).pipe(process.stdout);
