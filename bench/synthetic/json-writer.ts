/**
 * Writes seed files of bounded size record by record: `{"comment":…,"nodes":[` then one
 * record per line, then `]}`. A new file starts every `perFile` records, and output is
 * flushed in ~1 MB chunks, so a million-node graph never exists as one string or array.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const FLUSH_CHARS = 1 << 20;

export class SeedFileWriter {
  private fd: number | undefined;
  private buffer: string[] = [];
  private bufferedChars = 0;
  private inFile = 0;
  private fileIndex = 0;
  readonly files: string[] = [];
  count = 0;

  constructor(
    private readonly dir: string,
    private readonly key: 'nodes' | 'relationships',
    private readonly perFile: number,
    private readonly comment: string,
  ) {}

  write(record: unknown): void {
    if (this.fd === undefined || this.inFile >= this.perFile) this.openNext();
    this.push((this.inFile === 0 ? '\n' : ',\n') + JSON.stringify(record));
    this.inFile++;
    this.count++;
  }

  close(): void {
    if (this.fd !== undefined) this.closeCurrent();
  }

  private openNext(): void {
    if (this.fd !== undefined) this.closeCurrent();
    this.fileIndex++;
    const name = `${this.key}-${String(this.fileIndex).padStart(4, '0')}.json`;
    this.fd = openSync(join(this.dir, name), 'w');
    this.files.push(name);
    this.inFile = 0;
    this.push(`{"comment":${JSON.stringify(this.comment)},"${this.key}":[`);
  }

  private closeCurrent(): void {
    this.push('\n]}\n');
    this.flush();
    closeSync(this.fd as number);
    this.fd = undefined;
  }

  private push(s: string): void {
    this.buffer.push(s);
    this.bufferedChars += s.length;
    if (this.bufferedChars >= FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.fd === undefined || this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.bufferedChars = 0;
  }
}
