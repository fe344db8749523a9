// A total byte budget over a workspace's reads: one review reads at most this much text, however many files there are.
import type { ReadResult, Workspace } from './workspace.js';

/** Text one review reads at most (each file is also capped, at DEFAULT_MAX_FILE_BYTES). */
export const DEFAULT_MAX_TOTAL_BYTES = 64 * 1024 * 1024;

/**
 * Wraps `inner` so that reads beyond `maxTotalBytes` in all are refused with a reason (the file then gets a
 * `file-not-reviewed` finding). Reads still run concurrently, but each one is charged in the order it was asked for,
 * so which files fit does not depend on I/O timing: the same tree gives the same result every time.
 */
export class BudgetedWorkspace implements Workspace {
  private used = 0;
  private last: Promise<unknown> = Promise.resolve();

  constructor(private readonly inner: Workspace, readonly maxTotalBytes = DEFAULT_MAX_TOTAL_BYTES) {}

  get root(): string {
    return this.inner.root;
  }

  /** Bytes (UTF-8) of the text read so far. */
  get bytesRead(): number {
    return this.used;
  }

  read(relPath: string): Promise<ReadResult> {
    // Charges only grow: when the budget is already spent at the time of asking, it is spent for this read too.
    const pending: Promise<ReadResult> | null = this.used >= this.maxTotalBytes ? null : this.inner.read(relPath);
    const decided = this.last.then(async (): Promise<ReadResult> => {
      const result = pending ? await pending : null;
      if (result && !result.ok) return result;
      const bytes = result ? Buffer.byteLength(result.text, 'utf8') : Infinity;
      if (this.used + bytes > this.maxTotalBytes) {
        return { ok: false, reason: `over the review's total budget of ${this.maxTotalBytes} bytes (${this.used} bytes of other files read first)` };
      }
      this.used += bytes;
      return result!;
    });
    this.last = decided.catch(() => undefined);
    return decided;
  }

  exists(relPath: string): Promise<'file' | 'dir' | null> {
    return this.inner.exists(relPath);
  }

  list(relDir: string): Promise<{ name: string; type: 'file' | 'dir' }[] | null> {
    return this.inner.list(relDir);
  }
}
