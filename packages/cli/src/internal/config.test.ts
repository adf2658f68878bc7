import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configPath, maskKey, readConfig, resolveSettings, writeConfig } from './config.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('configPath', () => {
  it('uses XDG_CONFIG_HOME when it is absolute, else ~/.config', () => {
    expect(configPath({ XDG_CONFIG_HOME: '/x/cfg', HOME: '/home/u' })).toBe('/x/cfg/livechatai/config.json');
    expect(configPath({ XDG_CONFIG_HOME: 'relative', HOME: '/home/u' })).toBe('/home/u/.config/livechatai/config.json');
    expect(configPath({ HOME: '/home/u' })).toBe('/home/u/.config/livechatai/config.json');
  });
});

describe('readConfig / writeConfig', () => {
  it('round-trips profiles and writes the file with mode 0600', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lc-cfg-'));
    dirs.push(dir);
    const file = join(dir, 'livechatai', 'config.json');
    expect(await readConfig(file)).toEqual({ profiles: {} });
    await writeConfig(file, {
      profiles: { default: { apiKey: 'k1' }, work: { apiKey: 'k2', baseURL: 'http://127.0.0.1:1/api/v2' } },
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readConfig(file)).toEqual({
      profiles: { default: { apiKey: 'k1' }, work: { apiKey: 'k2', baseURL: 'http://127.0.0.1:1/api/v2' } },
    });
    expect(JSON.parse(await readFile(file, 'utf8'))).toHaveProperty('profiles.work.apiKey', 'k2');
  });

  it('names the file when it is not JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lc-cfg-'));
    dirs.push(dir);
    const file = join(dir, 'config.json');
    await writeConfig(file, { profiles: {} });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, '{oops');
    await expect(readConfig(file)).rejects.toThrow(/config\.json is not valid JSON/);
  });
});

describe('resolveSettings precedence: flags > env > profile', () => {
  const config = {
    profiles: {
      default: { apiKey: 'profile-default', baseURL: 'http://127.0.0.1:1/api/v2' },
      work: { apiKey: 'profile-work' },
    },
  };

  it('falls back to the default profile', () => {
    const s = resolveSettings({}, {}, config);
    expect(s).toMatchObject({
      apiKey: 'profile-default',
      keySource: 'profile',
      baseURL: 'http://127.0.0.1:1/api/v2',
      profile: 'default',
    });
  });

  it('prefers the environment over the profile', () => {
    const s = resolveSettings(
      {},
      { LIVECHATAI_API_KEY: 'env-key', LIVECHATAI_BASE_URL: 'http://localhost:2/api/v2' },
      config,
    );
    expect(s).toMatchObject({
      apiKey: 'env-key',
      keySource: 'env',
      baseURL: 'http://localhost:2/api/v2',
      baseURLSource: 'env',
    });
  });

  it('selects the profile from LIVECHATAI_PROFILE', () => {
    expect(resolveSettings({}, { LIVECHATAI_PROFILE: 'work' }, config)).toMatchObject({
      apiKey: 'profile-work',
      profile: 'work',
    });
  });

  it('prefers flags over everything, and an explicit --profile over the env key', () => {
    const env = { LIVECHATAI_API_KEY: 'env-key', LIVECHATAI_PROFILE: 'default' };
    expect(resolveSettings({ apiKey: 'flag-key' }, env, config)).toMatchObject({
      apiKey: 'flag-key',
      keySource: 'flag',
    });
    expect(resolveSettings({ profile: 'work' }, env, config)).toMatchObject({
      apiKey: 'profile-work',
      keySource: 'profile',
    });
    expect(resolveSettings({ baseUrl: 'http://127.0.0.1:9/api/v2' }, env, config)).toMatchObject({
      baseURLSource: 'flag',
    });
  });

  it('reports no key and the default base URL when nothing is configured', () => {
    expect(resolveSettings({}, {}, { profiles: {} })).toMatchObject({
      apiKey: undefined,
      keySource: 'none',
      baseURL: 'https://app.livechatai.com/api/v2',
    });
  });

  it('rejects a bad profile name', () => {
    expect(() => resolveSettings({ profile: '../x' }, {}, config)).toThrow(/invalid profile name/);
  });
});

describe('maskKey', () => {
  it('never shows a whole key', () => {
    const key = 'lcai_0123456789abcdefXYZ';
    expect(maskKey(key)).not.toContain(key);
    expect(maskKey(key)).toBe('lca…fXYZ');
    expect(maskKey('short')).toBe('****');
    expect(maskKey(undefined)).toBe('(none)');
  });
});
