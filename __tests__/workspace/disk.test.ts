import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeText } from '../../src/workspace/decode.js';
import { DiskWorkspace } from '../../src/workspace/workspace.js';

describe('DiskWorkspace', () => {
  const outside = mkdtempSync(path.join(os.tmpdir(), 'dr-outside-'));
  writeFileSync(path.join(outside, 'secret.txt'), 'TOP SECRET');
  const root = mkdtempSync(path.join(os.tmpdir(), 'dr-root-'));
  mkdirSync(path.join(root, 'app'));
  writeFileSync(path.join(root, 'app', 'Dockerfile'), 'FROM alpine:3.20\r\nRUN true\r\n');
  symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'app', 'leak.conf'));
  symlinkSync(outside, path.join(root, 'outside-dir'));
  symlinkSync(path.join(root, 'app', 'Dockerfile'), path.join(root, 'Dockerfile.link'));
  writeFileSync(path.join(root, 'big'), 'x'.repeat(2048));
  const ws = new DiskWorkspace(root, 1024);

  it('reads files inside the root with CRLF normalised', async () => {
    expect(await ws.read('app/Dockerfile')).toEqual({ ok: true, text: 'FROM alpine:3.20\nRUN true\n' });
  });

  it('follows symlinks that stay inside the root', async () => {
    expect(await ws.read('Dockerfile.link')).toEqual({ ok: true, text: 'FROM alpine:3.20\nRUN true\n' });
  });

  it('refuses symlinks, symlinked folders and relative paths that leave the root', async () => {
    for (const p of ['app/leak.conf', 'outside-dir/secret.txt', '../' + path.basename(outside) + '/secret.txt', path.join(outside, 'secret.txt')]) {
      const read = await ws.read(p);
      expect(read.ok).toBe(false);
      expect(JSON.stringify(read)).not.toContain('TOP SECRET');
    }
    expect(await ws.exists('outside-dir')).toBeNull();
  });

  it('does not list symlinked folders (no escape, no cycles)', async () => {
    const entries = await ws.list('');
    expect(entries?.map((e) => e.name)).toEqual(['Dockerfile.link', 'app', 'big']);
  });

  it('skips files over the size cap with a reason', async () => {
    expect(await ws.read('big')).toEqual({ ok: false, reason: 'too large (2048 bytes; the limit is 1024)' });
  });
});

describe('decodeText', () => {
  it('strips a UTF-8 BOM', () => expect(decodeText(Buffer.from('\ufeffFROM x\n'))).toEqual({ ok: true, text: 'FROM x\n' }));
  it('decodes UTF-16 LE with BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('FROM x\r\n', 'utf16le')]);
    expect(decodeText(bytes)).toEqual({ ok: true, text: 'FROM x\n' });
  });
  it('rejects binary content', () => expect(decodeText(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1]))).toEqual({ ok: false, reason: 'binary content (NUL byte)' }));
  it('treats lone CR as a line break', () => expect(decodeText(Buffer.from('a\rb'))).toEqual({ ok: true, text: 'a\nb' }));
});
