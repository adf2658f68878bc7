// A one-line progress bar on stderr, drawn only when stderr is a TTY, redrawn at most ~12 times a second.
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write: (chunk: string) => boolean;
}

export class ProgressBar {
  private readonly stream: ProgressStream;
  private readonly enabled: boolean;
  private total: number | undefined;
  private done = 0;
  private suffix = '';
  private lastDraw = 0;
  private drawn = false;

  constructor(stream: ProgressStream, label: string, total?: number) {
    this.stream = stream;
    this.enabled = stream.isTTY === true;
    this.label = label;
    this.total = total;
  }

  private readonly label: string;

  setTotal(total: number): void {
    this.total = total;
  }

  update(done: number, suffix = ''): void {
    this.done = done;
    this.suffix = suffix;
    const now = Date.now();
    if (now - this.lastDraw >= 80) this.draw(now);
  }

  private draw(now: number): void {
    if (!this.enabled) return;
    this.lastDraw = now;
    const width = 24;
    let line: string;
    if (this.total !== undefined && this.total > 0) {
      const ratio = Math.min(1, this.done / this.total);
      const filled = Math.round(ratio * width);
      line = `${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(this.done)}/${String(this.total)} ${String(Math.floor(ratio * 100))}%`;
    } else {
      line = `${this.label} ${String(this.done)}`;
    }
    if (this.suffix) line += `  ${this.suffix}`;
    const max = (this.stream.columns ?? 80) - 1;
    this.stream.write(`\r\u001b[2K${line.slice(0, max)}`);
    this.drawn = true;
  }

  /** Draws the final state and moves to a fresh line. */
  finish(): void {
    if (!this.enabled) return;
    this.draw(Date.now());
    if (this.drawn) this.stream.write('\n');
  }
}
