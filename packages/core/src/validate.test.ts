import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from './errors.js';
import { buildQuery, path } from './path.js';
import {
  assertBoolean,
  assertInteger,
  assertNonEmptyString,
  assertObject,
  assertOneOf,
  assertOptionalString,
  assertParams,
  requireParam,
} from './validate.js';

function failure(fn: () => unknown): InvalidParameterError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvalidParameterError) return e;
    throw e;
  }
  throw new Error('expected a throw');
}

describe('validation helpers', () => {
  it('accept good values', () => {
    assertNonEmptyString('x', 'a');
    assertOptionalString(undefined, 'a');
    assertInteger(5, 'limit', 1, 100);
    assertBoolean(false, 'b');
    assertOneOf('pdf', 'fileType', ['pdf', 'docx']);
    assertObject({}, 'attributes');
    requireParam(0, 'n');
  });

  it('assertParams checks the object and each required string field', () => {
    assertParams({ agentId: 'a', question: 'q' }, 'agentId', 'question');
    expect(
      failure(() => {
        assertParams(undefined as never, 'agentId');
      }).param,
    ).toBe('params');
    expect(
      failure(() => {
        assertParams({ agentId: 'a', question: ' ' }, 'agentId', 'question');
      }).param,
    ).toBe('question');
    expect(
      failure(() => {
        assertParams({}, 'agentId');
      }).message,
    ).toMatch(/agentId: expected a non-empty string, got undefined/);
  });

  it('reject bad values, naming the parameter', () => {
    expect(
      failure(() => {
        assertNonEmptyString('  ', 'agentId');
      }).message,
    ).toBe('Invalid parameter agentId: expected a non-empty string, got "  "');
    expect(
      failure(() => {
        assertNonEmptyString(undefined, 'agentId');
      }).param,
    ).toBe('agentId');
    expect(
      failure(() => {
        assertOptionalString('', 'userId');
      }).param,
    ).toBe('userId');
    expect(
      failure(() => {
        assertInteger(0, 'limit', 1, 100);
      }).message,
    ).toContain('expected an integer 1–100, got 0');
    expect(
      failure(() => {
        assertInteger(1.5, 'page', 1);
      }).message,
    ).toContain('≥ 1');
    expect(
      failure(() => {
        assertInteger('2', 'page', 1);
      }).message,
    ).toContain('got "2"');
    expect(
      failure(() => {
        assertBoolean('true', 'isEmbed');
      }).param,
    ).toBe('isEmbed');
    expect(
      failure(() => {
        assertOneOf('PDF', 'fileType', ['pdf', 'docx']);
      }).message,
    ).toContain('one of pdf, docx, got "PDF"');
    expect(
      failure(() => {
        assertObject([], 'attributes');
      }).message,
    ).toContain('got array');
    expect(
      failure(() => {
        assertObject(null, 'attributes');
      }).message,
    ).toContain('got null');
    expect(
      failure(() => {
        requireParam(null, 'body');
      }).message,
    ).toBe('Invalid parameter body: is required');
  });
});

describe('path and query', () => {
  it('encodes each interpolated segment', () => {
    expect(path`/agents/${'a/b?c#d e'}`).toBe('/agents/a%2Fb%3Fc%23d%20e');
    expect(path`/x/${'..a'}/${'ü'}`).toBe('/x/..a/%C3%BC');
    expect(failure(() => path`/agents/${'..'}`).param).toBe('path[0]');
    expect(failure(() => path`/a/${'x'}/b/${''}`).param).toBe('path[1]');
    expect(() => path`/a/${Number.NaN}`).toThrow(InvalidParameterError);
  });

  it('serialises query values', () => {
    expect(buildQuery(undefined)).toBe('');
    expect(buildQuery({ a: undefined, b: null })).toBe('');
    expect(buildQuery({ t: true, n: 0, s: 'a+b', l: [1, 'two'] })).toBe('?t=true&n=0&s=a%2Bb&l=1&l=two');
    expect(failure(() => buildQuery({ bad: {} as never })).param).toBe('bad');
  });
});
