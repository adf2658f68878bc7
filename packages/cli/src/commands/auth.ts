// login / logout / config show / config path.
import type { Context } from '../internal/context.js';
import { DEFAULT_PROFILE, maskKey, validateProfileName, writeConfig } from '../internal/config.js';
import { CliError, ExitCode } from '../internal/exit-codes.js';
import { promptSecret, readAll } from '../internal/prompt.js';

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v === undefined || v === '' ? undefined : v;
}

function profileName(ctx: Context): string {
  return validateProfileName(ctx.globals.profile ?? (nonEmpty(ctx.env.LIVECHATAI_PROFILE) ?? DEFAULT_PROFILE));
}

export async function login(ctx: Context): Promise<void> {
  const name = profileName(ctx);
  let key: string;
  if (ctx.globals.apiKey !== undefined) key = ctx.globals.apiKey;
  else if (ctx.stdin.isTTY) key = await promptSecret(`API key for profile "${name}": `, ctx.stdin, process.stderr);
  else key = await readAll(ctx.stdin);
  key = key.trim();
  if (key === '') throw new CliError('no API key given', ExitCode.usage);
  if (/\s/.test(key)) throw new CliError('the API key must not contain spaces or line breaks', ExitCode.usage);

  const config = await ctx.readConfig();
  const existing = config.profiles[name] ?? {};
  const baseURL = ctx.globals.baseUrl ?? existing.baseURL ?? ctx.env.LIVECHATAI_BASE_URL?.trim();

  // Verify the key with one cheap call before storing it.
  const { createSdk } = await import('../internal/sdk.js');
  const sdk = await createSdk(ctx, { apiKey: key, ...(baseURL ? { baseURL } : {}) });
  try {
    await sdk.agents.list({ limit: 1 }, { signal: ctx.signal });
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 401 || status === 403) throw new CliError('the API key was refused; nothing was stored', ExitCode.auth);
    throw error;
  }

  config.profiles[name] = { ...existing, apiKey: key, ...(ctx.globals.baseUrl ? { baseURL: ctx.globals.baseUrl } : {}) };
  await writeConfig(ctx.configFile, config);
  if (ctx.json) await ctx.printRecord({ profile: name, apiKey: maskKey(key), configFile: ctx.configFile });
  else ctx.note(`Logged in: profile "${name}" (key ${maskKey(key)}) saved to ${ctx.configFile}`);
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
