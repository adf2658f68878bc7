import { describe, expect, it } from 'vitest';
import { rememberSecret, scrubSecrets } from './secrets.js';

describe('scrubSecrets', () => {
  it('replaces every remembered key, and ignores empty or tiny values', () => {
    rememberSecret('lcai-secret-1234567890');
    rememberSecret(undefined);
    rememberSecret('ab');
    expect(scrubSecrets('key lcai-secret-1234567890 twice lcai-secret-1234567890; ab stays')).toBe(
      'key **** twice ****; ab stays',
    );
  });
});
