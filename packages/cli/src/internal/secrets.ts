// Every API key the process has seen (flag, environment, profile, login prompt), so that anything
// the CLI prints about an error can be scrubbed of it.
const known = new Set<string>();

export function rememberSecret(secret: string | undefined): void {
  if (secret !== undefined && secret.length >= 4) known.add(secret);
}

export function scrubSecrets(text: string): string {
  let out = text;
  for (const secret of known) out = out.split(secret).join('****');
  return out;
}
