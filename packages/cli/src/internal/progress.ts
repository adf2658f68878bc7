// A one-line progress bar on stderr, drawn only when stderr is a TTY, redrawn at most ~12 times a second,
// with the rate so far and, when the total is known, the time left at that rate.
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write: (chunk: string) => boolean;
}

/** "0:42", "12:05", "1:02:03". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${String(h)}:${String(m).padStart(2, '0')}:${sec}` : `${String(m)}:${sec}`;
}

function formatRate(perSecond: number): string {
  return perSecond >= 100 ? `${String(Math.round(perSecond))}/s` : `${perSecond.toFixed(1)}/s`;
}

export class ProgressBar {
  private readonly stream: ProgressStream;
  private readonly enabled: boolean;
  private readonly label: string;
  private readonly now: () => number;
  private readonly started: number;
  private total: number | undefined;
  private done = 0;
  private suffix = '';
  private lastDraw = 0;
  private drawn = false;

  constructor(stream: ProgressStream, label: string, total?: number, now: () => number = Date.now) {
    this.stream = stream;
    this.enabled = stream.isTTY === true;
    this.label = label;
    this.total = total;
    this.now = now;
    this.started = now();
  }

  setTotal(total: number): void {
    this.total = total;
  }

  update(done: number, suffix = ''): void {
    this.done = done;
    this.suffix = suffix;
    const now = this.now();
    if (now - this.lastDraw >= 80) this.draw(now);
  }

  private draw(now: number): void {
    if (!this.enabled) return;
    this.lastDraw = now;
    const width = 24;
    const elapsed = (now - this.started) / 1000;
    const rate = elapsed > 0 ? this.done / elapsed : 0;
    const parts: string[] = [];
    if (this.total !== undefined && this.total > 0) {
      const ratio = Math.min(1, this.done / this.total);
      const filled = Math.round(ratio * width);
      parts.push(
        `${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(this.done)}/${String(this.total)} ${String(Math.floor(ratio * 100))}%`,
      );
    } else {
      parts.push(`${this.label} ${String(this.done)}`);
    }
    if (this.done > 0 && elapsed > 0) parts.push(formatRate(rate));
    if (this.total !== undefined && this.done > 0 && this.done < this.total && rate > 0) {
      parts.push(`ETA ${formatDuration((this.total - this.done) / rate)}`);
    }
    if (this.suffix) parts.push(this.suffix);
    const max = (this.stream.columns ?? 80) - 1;
    this.stream.write(`\r\u001b[2K${parts.join('  ').slice(0, max)}`);
    this.drawn = true;
  }

  /** Draws the final state and moves to a fresh line. */
  finish(): void {
    if (!this.enabled) return;
    this.draw(this.now());
    if (this.drawn) this.stream.write('\n');
  }
}
