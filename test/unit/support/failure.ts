/** The `UsageDataError` a call rejects with (failing the test when it resolves or rejects with anything else). */
import assert from 'node:assert/strict';
import { UsageDataError } from '../../../src/sources/data-source.js';

export async function failure(run: () => Promise<unknown>): Promise<UsageDataError> {
  try {
    await run();
  } catch (error) {
    assert.ok(error instanceof UsageDataError, `expected a UsageDataError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the request to fail');
}
