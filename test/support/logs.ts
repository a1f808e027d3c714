import { Writable } from 'node:stream';

/** A pino destination that keeps every line, for tests that read the logs. */
export class CapturedLogs extends Writable {
  readonly #chunks: string[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.#chunks.push(chunk.toString('utf8'));
    this.emit('captured');
    callback();
  }

  /** The first line that matches, as soon as it is written. */
  lineMatching(predicate: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    return new Promise((resolve) => {
      const check = () => {
        const found = this.lines().find(predicate);
        if (found === undefined) return;
        this.off('captured', check);
        resolve(found);
      };
      this.on('captured', check);
      check();
    });
  }

  /** Everything written so far, as one text. */
  text(): string {
    return this.#chunks.join('');
  }

  /** Every line written so far, parsed. */
  lines(): Array<Record<string, unknown>> {
    return this.text()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}
