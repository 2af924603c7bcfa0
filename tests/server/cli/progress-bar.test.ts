import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../../server/cli/progress-bar.ts';

/** A stream that records what is written, posing as a terminal or not. */
function stream(isTTY: boolean): { out: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  return { out: Object.assign(sink, { isTTY }) as unknown as NodeJS.WriteStream, text: () => text };
}

describe('ProgressBar', () => {
  it('draws a bar with the share done and clears its line when done, on a terminal', async () => {
    const { out, text } = stream(true);
    const bar = new ProgressBar(out);
    bar.update('読込', 50, 200);
    bar.update('読込', 200, 200);
    bar.done();
    await new Promise((r) => setImmediate(r));
    expect(text()).toContain('[########......................] 25% 読込 50/200');
    expect(text()).toContain('[##############################] 100% 読込 200/200');
    expect(text().endsWith('\r\x1b[2K')).toBe(true);
  });

  it('writes nothing when stderr is not a terminal (pipes, logs, CI)', async () => {
    const { out, text } = stream(false);
    const bar = new ProgressBar(out);
    bar.update('読込', 50, 200);
    bar.done();
    await new Promise((r) => setImmediate(r));
    expect(text()).toBe('');
  });
});
