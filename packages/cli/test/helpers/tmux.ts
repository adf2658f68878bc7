// A real pseudo-terminal for the CLI: tmux sessions on a private server socket (one per test file).
import { execFileSync } from 'node:child_process';
import { baseEnv, binPath } from './cli.js';

export interface Terminal {
  /** Starts `livechatai <args>` in a new session; the shell prints EXIT=<code> when it ends. */
  start: (
    session: string,
    args: string[],
    env?: Record<string, string | undefined>,
    size?: { width?: number; height?: number },
  ) => void;
  screen: (session: string) => string;
  waitFor: (session: string, test: (screen: string) => boolean, what: string, timeoutMs?: number) => Promise<string>;
  /** Types text and presses Enter. */
  sendLine: (session: string, text: string) => void;
  /** Types text without pressing Enter. */
  type: (session: string, text: string) => void;
  keys: (session: string, ...keys: string[]) => void;
  kill: () => void;
}

export function terminal(name: string, home: string, defaults: Record<string, string>): Terminal {
  const socket = `lc-cli-${name}-${String(process.pid)}`;
  const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const screen = (session: string): string => tmux('capture-pane', '-p', '-J', '-t', session, '-S', '-200');
  return {
    start: (session, args, env = {}, size = {}) => {
      const merged: Record<string, string | undefined> = {
        ...baseEnv(home),
        TERM: 'xterm-256color',
        NO_COLOR: '1',
        ...defaults,
        ...env,
      };
      const vars = Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined);
      const quoted = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
      const command = `${[process.execPath, binPath, ...args].map(quoted).join(' ')}; echo "EXIT=$?"; sleep 120`;
      tmux(
        'new-session',
        '-d',
        '-s',
        session,
        '-x',
        String(size.width ?? 120),
        '-y',
        String(size.height ?? 40),
        ...vars.flatMap(([k, v]) => ['-e', `${k}=${v}`]),
        command,
      );
    },
    screen,
    waitFor: async (session, test, what, timeoutMs = 20_000) => {
      const start = Date.now();
      for (;;) {
        const s = screen(session);
        if (test(s)) return s;
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}; screen:\n${s}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    sendLine: (session, text) => {
      tmux('send-keys', '-t', session, '-l', text);
      tmux('send-keys', '-t', session, 'Enter');
    },
    type: (session, text) => {
      tmux('send-keys', '-t', session, '-l', text);
    },
    keys: (session, ...keys) => {
      tmux('send-keys', '-t', session, ...keys);
    },
    kill: () => {
      try {
        tmux('kill-server');
      } catch {
        // no server left
      }
    },
  };
}
