// Any conforming eddsa-jcs-2022 verifier must accept our reports: here, an independent one in
// JavaScript (tests/interop), checked on the W3C vector first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { verifyEddsaJcs2022, verifyReport } from '../interop/eddsa-jcs-2022.mjs';

const read = (path) => JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8'));

test('the independent verifier accepts the W3C eddsa-jcs-2022 vector', () => {
  const key = read('w3c/keyPair.json').publicKeyMultibase;
  const signed = read('w3c/signedJCS.json');
  assert.equal(verifyEddsaJcs2022(signed, key), true);
  signed.credentialSubject.alumniOf = 'Another School';
  assert.equal(verifyEddsaJcs2022(signed, key), false);
});

test('the independent verifier accepts our signed report and refuses altered ones', () => {
  assert.equal(verifyReport(read('reports/valid.json')), true);
  assert.equal(verifyReport(read('reports/late.json')), true);
  for (const name of ['changed-answer', 'changed-result', 'changed-unit-name', 'proof-created-changed',
    'resigned-other-key-same-issuer', 'proofvalue-of-another-document']) {
    assert.equal(verifyReport(read(`reports/${name}.json`)), false, name);
  }
});
