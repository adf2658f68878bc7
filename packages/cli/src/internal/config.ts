// Profiles stored in $XDG_CONFIG_HOME/livechatai/config.json (else ~/.config/livechatai/config.json),
// written with mode 0600 inside a 0700 folder.
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { CliError, ExitCode, usageError } from './exit-codes.js';

export interface Profile {
  apiKey?: string;
  baseURL?: string;
}

export interface ConfigFile {
  profiles: Record<string, Profile>;
}

export const DEFAULT_PROFILE = 'default';
export const DEFAULT_BASE_URL = 'https://app.livechatai.com/api/v2';

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg?.startsWith('/') ? xdg : join(env.HOME ?? homedir(), '.config');
  return join(base, 'livechatai', 'config.json');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function readConfig(file: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: {} };
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CliError(`the config file ${file} is not valid JSON; fix or delete it`, ExitCode.usage);
  }
  const profiles: Record<string, Profile> = {};
  if (isRecord(parsed) && isRecord(parsed.profiles)) {
    for (const [name, value] of Object.entries(parsed.profiles)) {
      if (!isRecord(value)) continue;
      const profile: Profile = {};
      if (typeof value.apiKey === 'string') profile.apiKey = value.apiKey;
      if (typeof value.baseURL === 'string') profile.baseURL = value.baseURL;
      profiles[name] = profile;
    }
  }
  return { profiles };
}

/** Writes atomically (temp file + rename) with mode 0600. */
export async function writeConfig(file: string, config: ConfigFile): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${String(process.pid)}.tmp`;
  await writeFile(tmp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, file);
}

export function validateProfileName(name: string): string {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(name)) {
    throw usageError(`invalid profile name "${name}": use letters, digits, ".", "_" or "-"`);
  }
  return name;
}

export interface GlobalFlags {
  apiKey?: string | undefined;
  baseUrl?: string | undefined;
  profile?: string | undefined;
}

export interface ResolvedSettings {
  apiKey: string | undefined;
  baseURL: string;
  profile: string;
  /** Where the key came from: "flag", "env", "profile", or "none". */
  keySource: 'flag' | 'env' | 'profile' | 'none';
  baseURLSource: 'flag' | 'env' | 'profile' | 'default';
}

/**
 * Precedence: flags > environment (LIVECHATAI_API_KEY, LIVECHATAI_BASE_URL, LIVECHATAI_PROFILE) > profile.
 * An explicit `--profile` flag is itself a flag: its stored values then win over the environment.
 */
export function resolveSettings(flags: GlobalFlags, env: NodeJS.ProcessEnv, config: ConfigFile): ResolvedSettings {
  const profileFromFlag = flags.profile !== undefined;
  const profileName = validateProfileName(flags.profile ?? nonEmpty(env.LIVECHATAI_PROFILE) ?? DEFAULT_PROFILE);
  const profile = config.profiles[profileName];
  const envKey = nonEmpty(env.LIVECHATAI_API_KEY);
  const envBase = nonEmpty(env.LIVECHATAI_BASE_URL);

  let apiKey: string | undefined;
  let keySource: ResolvedSettings['keySource'] = 'none';
  if (flags.apiKey !== undefined) {
    apiKey = flags.apiKey;
    keySource = 'flag';
  } else if (profileFromFlag && profile?.apiKey) {
    apiKey = profile.apiKey;
    keySource = 'profile';
  } else if (envKey !== undefined) {
    apiKey = envKey;
    keySource = 'env';
  } else if (profile?.apiKey) {
    apiKey = profile.apiKey;
    keySource = 'profile';
  }

  let baseURL = DEFAULT_BASE_URL;
  let baseURLSource: ResolvedSettings['baseURLSource'] = 'default';
  if (flags.baseUrl !== undefined) {
    baseURL = flags.baseUrl;
    baseURLSource = 'flag';
  } else if (profileFromFlag && profile?.baseURL) {
    baseURL = profile.baseURL;
    baseURLSource = 'profile';
  } else if (envBase !== undefined) {
    baseURL = envBase;
    baseURLSource = 'env';
  } else if (profile?.baseURL) {
    baseURL = profile.baseURL;
    baseURLSource = 'profile';
  }
  return { apiKey, baseURL, profile: profileName, keySource, baseURLSource };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Shows only enough of a key to recognise it: the first 3 and last 4 characters of long keys. */
export function maskKey(key: string | undefined): string {
  if (key === undefined || key === '') return '(none)';
  if (key.length < 16) return '****';
  return `${key.slice(0, 3)}…${key.slice(-4)}`;
}
