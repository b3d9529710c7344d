// The office's side of the end-to-end tests.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT } from './browser.mjs';

export const TDG = process.env.TDG_BIN ?? 'target/debug/tdg';
export const CATALOG = 'assets/catalogs/hp-175-kh-ubnd.json';

// The office's side: register the report's key in a version 2 trust list for the unit, tier and
// cluster it declares (as the office would after the unit registered its fingerprint), then run
// a full `tdg verify`. Returns what tdg printed; throws (exit 1) when a check fails.
export function verifyAsOffice(reportPath, extra = []) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const unit = report.credentialSubject.unit;
  mkdirSync(join(OUT, 'files'), { recursive: true });
  const trust = join(OUT, 'files', `trust-${unit.code}.json`);
  writeFileSync(trust, JSON.stringify({
    trustListVersion: 2,
    office: 'Sở Khoa học và Công nghệ (e2e)',
    keys: [{ unitCode: unit.code, did: report.issuer, tier: unit.tier, variant: unit.variant,
      group: unit.group, validFrom: '2022-01-01' }],
  }));
  return execFileSync(TDG, ['verify', '--trust', trust, '--catalog', CATALOG, ...extra, reportPath], { encoding: 'utf8' });
}

// A fresh demonstration season under OUT (its own folder per test file and run): the keys, the
// trust list and the reports `tdg demo-season` writes. Returns the folder.
export function demoSeason(tag) {
  mkdirSync(OUT, { recursive: true });
  const season = join(OUT, `${tag}-${process.pid}-${Date.now()}`);
  execFileSync(TDG, ['demo-season', '--catalog', CATALOG, '--out', season]);
  return season;
}
