import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as applications from '../web/src/locales/applications.js';
import * as errors from '../web/src/locales/errors.js';
import * as leads from '../web/src/locales/leads.js';
import * as teams from '../web/src/locales/teams.js';

// Every error code the server can send must reach the reader as a sentence of their language:
// the web app never shows the server's English `message`.
const ROOT = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return file.endsWith('.ts') && !file.endsWith('.spec.ts') ? [file] : [];
  });
}

// Quoted `namespace/name` strings that are not error codes: media types and route paths.
const NOT_CODES =
  /^(image|text|font|multipart)\/|^application\/(json|pdf|octet-stream)$|^api\/docs$|^meetings\/funnel$|^stats\/slots$|^mail\/(preferences|unsubscribe)$/;

function serverCodes(): Set<string> {
  const codes = new Set(['conflict']);
  for (const file of sources(path.join(ROOT, 'src'))) {
    for (const [, code] of readFileSync(file, 'utf8').matchAll(/'([a-z]+\/[a-z_]+)'/g)) {
      if (!NOT_CODES.test(code)) codes.add(code);
    }
  }
  return codes;
}

// A code told with the bound a field broke has plural forms instead of one sentence.
const told = (dictionary: Record<string, string>, code: string) =>
  code in dictionary || (`${code}_one` in dictionary && `${code}_other` in dictionary);

describe('error codes', () => {
  const codes = serverCodes();
  const fr = { ...errors.fr, ...applications.fr.errors, ...teams.fr.errors, ...leads.fr.errors };
  const en = { ...errors.en, ...applications.en.errors, ...teams.en.errors, ...leads.en.errors };

  it('finds the codes of the server', () => {
    // The scan itself works: codes of every layer are found.
    for (const code of ['validation/required', 'meeting/slot_taken', 'auth/wrong_credentials']) {
      expect(codes).toContain(code);
    }
  });

  it('has a French and an English sentence for every code the server sends', () => {
    expect([...codes].filter((code) => !told(fr, code)).sort()).toEqual([]);
    expect([...codes].filter((code) => !told(en, code)).sort()).toEqual([]);
  });

  it('has the same codes in both languages, and no sentence left in English in French', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const [code, text] of Object.entries(fr)) {
      expect({ code, same: text === en[code] }).toEqual({ code, same: false });
    }
  });
});
