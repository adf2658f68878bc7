// login / logout / config show / config path.
import type { Context } from '../internal/context.js';
import {
  DEFAULT_BASE_URL,
  DEFAULT_PROFILE,
  maskKey,
  type Profile,
  validateProfileName,
  writeConfig,
} from '../internal/config.js';
import { CliError, ExitCode } from '../internal/exit-codes.js';
import { confirm, promptLine, promptSecret, readAll } from '../internal/prompt.js';

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v === undefined || v === '' ? undefined : v;
}

function profileName(ctx: Context): string {
  return validateProfileName(ctx.globals.profile ?? nonEmpty(ctx.env.LIVECHATAI_PROFILE) ?? DEFAULT_PROFILE);
}

/** Where `login` looks for a local emulator (its default port), unless LIVECHATAI_EMULATOR_URL says otherwise. */
export const EMULATOR_URL = 'http://127.0.0.1:4010/api/v2';

/** Whether a LiveChatAI emulator answers at `apiURL` (its health route, within a short timeout). */
export async function probeEmulator(apiURL: string, timeoutMs = 700): Promise<boolean> {
  try {
    const res = await fetch(`${new URL(apiURL).origin}/_emulator/health`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return false;
    const body = (await res.json()) as { status?: unknown };
    return body.status === 'ok';
  } catch {
    return false;
  }
}

/** On a terminal, without --base-url or LIVECHATAI_BASE_URL: offers a running emulator, else asks for the URL. */
async function askBaseURL(ctx: Context, current: string): Promise<string> {
  const emulator = nonEmpty(ctx.env.LIVECHATAI_EMULATOR_URL) ?? EMULATOR_URL;
  if (current !== emulator && (await probeEmulator(emulator))) {
    ctx.note(`A local LiveChatAI emulator answers at ${emulator} (its API key is printed when it starts).`);
    if (await confirm('Use the emulator?', ctx.stdin, process.stderr, true)) return emulator;
  }
  const answer = await promptLine(`API URL [${current}]: `, ctx.stdin, process.stderr);
  return answer === '' ? current : answer.replace(/\/+$/, '');
}

export async function login(ctx: Context): Promise<void> {
  const name = profileName(ctx);
  const config = await ctx.readConfig();
  const existing = config.profiles[name] ?? {};
  const envBase = nonEmpty(ctx.env.LIVECHATAI_BASE_URL);

  // The API URL: --base-url, else LIVECHATAI_BASE_URL, else asked on a terminal (the stored one as default).
  let chosen: string | undefined = ctx.globals.baseUrl;
  if (chosen === undefined && envBase === undefined && ctx.stdin.isTTY)
    chosen = await askBaseURL(ctx, existing.baseURL ?? DEFAULT_BASE_URL);
  const baseURL = chosen ?? envBase ?? existing.baseURL ?? DEFAULT_BASE_URL;
  const baseURLSource =
    ctx.globals.baseUrl !== undefined
      ? 'flag'
      : chosen !== undefined
        ? 'prompt'
        : envBase !== undefined
          ? 'env'
          : existing.baseURL
            ? 'profile'
            : 'default';

  let key: string;
  if (ctx.globals.apiKey !== undefined) key = ctx.globals.apiKey;
  else if (ctx.stdin.isTTY) key = await promptSecret(`API key for profile "${name}": `, ctx.stdin, process.stderr);
  else key = await readAll(ctx.stdin);
  key = key.trim();
  if (key === '') throw new CliError('no API key given', ExitCode.usage);
  if (/\s/.test(key)) throw new CliError('the API key must not contain spaces or line breaks', ExitCode.usage);

  // Verify the key with one cheap call before storing it.
  const { createSdk } = await import('../internal/sdk.js');
  const sdk = await createSdk(ctx, { apiKey: key, baseURL, baseURLSource });
  try {
    await sdk.agents.list({ limit: 1 }, { signal: ctx.signal });
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 401 || status === 403)
      throw new CliError(`the API key was refused by ${baseURL}; nothing was stored`, ExitCode.auth);
    throw error;
  }

  const profile: Profile = { ...existing, apiKey: key };
  if (chosen !== undefined) {
    if (chosen === DEFAULT_BASE_URL) delete profile.baseURL;
    else profile.baseURL = chosen;
  }
  config.profiles[name] = profile;
  await writeConfig(ctx.configFile, config);
  if (ctx.json) await ctx.printRecord({ profile: name, apiKey: maskKey(key), baseURL, configFile: ctx.configFile });
  else {
    const where = baseURL === DEFAULT_BASE_URL ? '' : ` for ${baseURL}`;
    ctx.note(`Logged in${where}: profile "${name}" (key ${maskKey(key)}) saved to ${ctx.configFile}`);
  }
}

export async function logout(ctx: Context): Promise<void> {
  const name = profileName(ctx);
  const config = await ctx.readConfig();
  const existed = name in config.profiles;
  if (existed) {
    config.profiles = Object.fromEntries(Object.entries(config.profiles).filter(([n]) => n !== name));
    await writeConfig(ctx.configFile, config);
  }
  if (ctx.json) await ctx.printRecord({ profile: name, removed: existed });
  else ctx.note(existed ? `Logged out: profile "${name}" removed` : `No profile "${name}" was stored`);
}

export async function show(ctx: Context): Promise<void> {
  const config = await ctx.readConfig();
  const settings = await ctx.settings();
  const profiles = Object.fromEntries(
    Object.entries(config.profiles).map(([n, p]) => [n, { apiKey: maskKey(p.apiKey), baseURL: p.baseURL ?? null }]),
  );
  await ctx.printRecord({
    configFile: ctx.configFile,
    profile: settings.profile,
    apiKey: maskKey(settings.apiKey),
    apiKeySource: settings.keySource,
    baseURL: settings.baseURL,
    baseURLSource: settings.baseURLSource,
    profiles,
  });
}

export async function path(ctx: Context): Promise<void> {
  if (ctx.json) await ctx.printRecord({ configFile: ctx.configFile });
  else await ctx.say(ctx.configFile);
}
