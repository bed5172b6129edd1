// Faithfulness of the conversations / participants / messages / activities / switchboard actions / users /
// clients / devices parts: bodies the real API accepts must validate, and bodies it rejects (a required
// field missing, a wrongly typed value, an unknown enum value) must not. Each case in the fixture names an
// operation, `request` or a response status, why the case exists, the value, and whether it is valid.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleSpec } from './helpers/bundle.js';
import { SpecValidator } from './helpers/validate.js';

type Case = [operationId: string, target: string, why: string, value: unknown, valid: boolean];

// Every `fixtures/fidelity-*.json` file holds such cases: the conversations/users set, and the cases added
// by the audit against the API reference (one or more per discrepancy fixed).
const fixtureDir = new URL('./fixtures/', import.meta.url);
const fixtureFiles = readdirSync(fixtureDir)
  .filter((f) => /^fidelity-.*\.json$/.test(f))
  .sort();
const cases: Case[] = fixtureFiles.flatMap((f) => JSON.parse(readFileSync(new URL(f, fixtureDir), 'utf8')));
const validator = new SpecValidator(bundleSpec());

const check = ([operationId, target, , value]: Case) =>
  validator.validate(
    validator.schemaPointer(operationId, target === 'request' ? {} : { status: target }),
    value,
  );

describe('conversation, message and user schemas match the API', () => {
  it('reads both fixture files', () => {
    expect(fixtureFiles).toEqual(['fidelity-audit.json', 'fidelity-conversations-users.json']);
  });

  it('the fixture covers accepted and rejected bodies', () => {
    expect(cases.filter((c) => c[4]).length).toBeGreaterThan(20);
    expect(cases.filter((c) => !c[4]).length).toBeGreaterThan(50);
  });

  it.each(cases.filter((c) => c[4]).map((c) => [`${c[0]} ${c[1]}: ${c[2]}`, c] as const))(
    'accepts %s',
    (_name, c) => {
      expect(check(c)).toEqual([]);
    },
  );

  it.each(cases.filter((c) => !c[4]).map((c) => [`${c[0]} ${c[1]}: ${c[2]}`, c] as const))(
    'rejects %s',
    (_name, c) => {
      expect(check(c).length).toBeGreaterThan(0);
    },
  );
});
