/** A one-line progress bar on a terminal; silent when the stream is not a TTY (logs, pipes, CI). */
export class ProgressBar {
  readonly #stream: NodeJS.WriteStream;
  readonly #enabled: boolean;
  #lastDraw = 0;
  #drawn = false;

  constructor(stream: NodeJS.WriteStream) {
    this.#stream = stream;
    this.#enabled = stream.isTTY === true;
  }

  /** Draws `label` with a bar at done/total (or just the label when total is unknown). */
  update(label: string, done = 0, total = 0): void {
    if (!this.#enabled) return;
    const now = Date.now();
    // Redrawing more than ~10 times a second only costs time on large workbooks.
    if (this.#drawn && now - this.#lastDraw < 100 && done < total) return;
    this.#lastDraw = now;
    const width = 30;
    const share = total > 0 ? Math.min(1, done / total) : 0;
    const filled = Math.round(share * width);
    const bar = total > 0 ? `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(share * 100)}% ` : '';
    this.#stream.write(`\r\x1b[2K${bar}${label}${total > 0 ? ` ${done}/${total}` : ''}`);
    this.#drawn = true;
  }

  done(): void {
    if (this.#enabled && this.#drawn) this.#stream.write('\r\x1b[2K');
    this.#drawn = false;
  }
}
