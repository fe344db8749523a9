// Turns raw bytes into reviewable text: BOMs, UTF-16, CRLF and binary content handled in one place.

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

const SNIFF_BYTES = 8000;

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return finish(new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return finish(new TextDecoder('utf-16be').decode(bytes.subarray(2)));
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const sniff = bytes.subarray(start, Math.min(bytes.length, start + SNIFF_BYTES));
  // A NUL byte in the first 8 KB is how git and grep tell binary from text.
  if (sniff.includes(0)) return { ok: false, reason: 'binary content (NUL byte)' };
  return finish(new TextDecoder('utf-8').decode(bytes.subarray(start)));
}

function finish(text: string): Decoded {
  if (text.includes('\0')) return { ok: false, reason: 'binary content (NUL byte)' };
  // Line numbers do not change when CR LF becomes LF; lone CRs (old Mac) count as line breaks for Docker too.
  return { ok: true, text: text.replace(/\r\n?/g, '\n') };
}
