import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENGLISH, inScope, languageOf, msg, plural, scopeFor, str, type LocaleScope } from '../../src/i18n/localize.js';

const fake: LocaleScope = { locale: 'sv-SE', language: 'sv', templates: { s2c8189544e3ea679: 'Försök igen' } };

describe('languageOf', () => {
  it('maps a locale to a language the UI speaks, region variants to their language, anything else to English', () => {
    assert.equal(languageOf('sv'), 'sv');
    assert.equal(languageOf('sv-FI'), 'sv');
    assert.equal(languageOf('de-AT'), 'de');
    assert.equal(languageOf('DE_ch'), 'de');
    assert.equal(languageOf('en-US'), 'en');
    assert.equal(languageOf('fr-FR'), 'en');
    assert.equal(languageOf('nb'), 'en');
    assert.equal(languageOf(''), 'en');
    assert.equal(languageOf(undefined), 'en');
  });
});

describe('msg and its scope', () => {
  it('answers in English outside every scope, and from the catalogue inside one', () => {
    assert.equal(msg('Retry'), 'Retry');
    assert.equal(
      inScope(fake, () => msg('Retry')),
      'Försök igen',
    );
    // A message the catalogue lacks falls back to the English source, values filled in.
    const n = 3;
    assert.equal(
      inScope(fake, () => msg(str`${n} left`)),
      '3 left',
    );
  });

  it('restores the outer scope after the inner one, also when the inner one throws', () => {
    inScope(fake, () => {
      assert.throws(() =>
        inScope(ENGLISH, () => {
          assert.equal(msg('Retry'), 'Retry');
          throw new Error('boom');
        }),
      );
      assert.equal(msg('Retry'), 'Försök igen');
    });
    assert.equal(msg('Retry'), 'Retry');
  });
});

describe('plural', () => {
  const agents = (n: number) => plural(n, { one: () => `${n} one`, other: () => `${n} other` });
  it("picks the form by the plural rules of the scope's language", () => {
    assert.deepEqual([0, 1, 2, 1.5].map(agents), ['0 other', '1 one', '2 other', '1.5 other']);
    // A French page reads English words: English rules, though French calls 0 and 1.5 singular.
    assert.deepEqual(
      inScope({ locale: 'fr-FR', language: 'en', templates: undefined }, () => [0, 1, 1.5].map(agents)),
      ['0 other', '1 one', '1.5 other'],
    );
    for (const [locale, language] of [
      ['sv-SE', 'sv'],
      ['de-DE', 'de'],
    ] as const) {
      assert.deepEqual(
        inScope({ ...fake, locale, language }, () => [0, 1, 2, 21].map(agents)),
        ['0 other', '1 one', '2 other', '21 other'],
      );
    }
  });
});

describe('scopeFor', () => {
  it('has English at once, and loads Swedish and German catalogues on demand', async () => {
    const en = scopeFor('en-GB');
    assert.ok(!(en instanceof Promise));
    assert.equal(en.templates, undefined);
    const pending = scopeFor('sv-FI');
    assert.ok(pending instanceof Promise);
    const sv = await pending;
    assert.equal(sv.locale, 'sv-FI');
    assert.equal(sv.language, 'sv');
    assert.ok(sv.templates && Object.keys(sv.templates).length > 100);
    // Once loaded, at once.
    const again = scopeFor('sv-SE');
    assert.ok(!(again instanceof Promise));
    assert.equal(again.templates, sv.templates);
    const de = await scopeFor('de-AT');
    assert.notEqual(de.templates, sv.templates);
  });
});
