import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseScenario } from '../../demo/api.js';

describe('demo backend scenarios', () => {
  it('reads number flags within their ranges and switch flags by name', () => {
    const s = parseScenario('latency=99999,status=200,calls=403,agents=3,seed=5,hang,trial-unreadable,not-json,trial=expired,tag=x');
    assert.equal(s.latency, 30_000);
    assert.equal(s.status, 400);
    assert.equal(s.callsStatus, 403);
    assert.equal(s.agents, 3);
    assert.equal(s.seed, 5);
    assert.equal(s.hang, true);
    assert.equal(s.trialUnreadable, true);
    assert.equal(s.notJson, true);
    assert.equal(s.trickle, false);
    assert.equal(s.trial, 'expired');
    assert.equal(s.tag, 'x');
  });

  it('ignores unknown flags, prototype names and bad values', () => {
    const s = parseScenario('constructor,__proto__=1,toString=2,hasOwnProperty,trial=forever,volume=abc,agents=7');
    assert.deepEqual(s, { ...parseScenario(''), agents: 7 });
    assert.equal(Object.getPrototypeOf(s), Object.prototype);
    // Not decodable: no flags at all.
    assert.deepEqual(parseScenario('agents=7,%E0%A4%A'), parseScenario(''));
  });
});
