import { readFileSync } from 'node:fs';
import { messageOf, t, type MessageId } from '../messages';

/** What a binary file looks like from its first bytes (a message id), to name it in the error. */
const magic: readonly (readonly [MessageId, number[]])[] = [
  ['read.png', [0x89, 0x50, 0x4e, 0x47]], ['read.jpeg', [0xff, 0xd8, 0xff]], ['read.gif', [0x47, 0x49, 0x46, 0x38]],
  ['read.gzip', [0x1f, 0x8b]], ['read.zip', [0x50, 0x4b, 0x03, 0x04]], ['read.pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['read.elf', [0x7f, 0x45, 0x4c, 0x46]], ['read.wasm', [0x00, 0x61, 0x73, 0x6d]],
];

/**
 * A file's text for `sts`: UTF-8 (or UTF-16 with a byte-order mark), its BOM removed. A binary
 * file is an error that says so, rather than a YAML syntax error at some line of it; a
 * stray NUL or invalid byte in a text file is not binary (the rules still see the lines around it).
 */
export function readInput(file: string, given?: Buffer): string {
  const bytes = given ?? readBytes(file);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const what = binaryKind(bytes);
  if (what) throw new Error(t('main.binary', { file, what }));
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/** The file's bytes; an error always names the path (EISDIR from a read does not by itself). */
function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    if (error instanceof Error && (error as NodeJS.ErrnoException).path === undefined) Object.assign(error, { path: file });
    throw error;
  }
}

/** Undefined for text; else what the bytes look like. */
export function binaryKind(bytes: Uint8Array): string | undefined {
  for (const [id, signature] of magic) if (signature.every((byte, i) => bytes[i] === byte)) return messageOf(id);
  const sample = bytes.subarray(0, 8000);
  let control = 0;
  for (const byte of sample) if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control++;
  return sample.length > 0 && control / sample.length > 0.1 ? t('read.controlBytes') : undefined;
}

/** Node's file-system error codes as a sentence about the path (`{subject}`), by message id. */
const codes: Record<string, MessageId> = {
  ENOENT: 'read.ENOENT', EISDIR: 'read.EISDIR', ENOTDIR: 'read.ENOTDIR', EACCES: 'read.EACCES', EPERM: 'read.EPERM',
  ELOOP: 'read.ELOOP', ENAMETOOLONG: 'read.ENAMETOOLONG', EMFILE: 'read.EMFILE', EIO: 'read.EIO', EAGAIN: 'read.EAGAIN',
  ENOSPC: 'read.ENOSPC', EROFS: 'read.EROFS', EBUSY: 'read.EBUSY',
};

/**
 * An error as one sentence for the terminal: never a raw Node error code (`ENOENT: no such file
 * or directory, stat 'json'` becomes `json does not exist.`). A sentence that already ends (in
 * English or in Chinese) gets no second stop.
 */
export function readableError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code, path, dest, syscall } = error as NodeJS.ErrnoException & { dest?: string };
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    const given = path ?? dest;
    const subject = given === undefined ? t('read.aFile') : given === '/dev/stdin' || given === '0' ? t('main.standardInput') : given;
    const known = codes[code];
    if (known) return messageOf(known, { subject });
    // A code without a sentence of ours: Node's own words for it, in parentheses.
    if (given === undefined) return `${plain(error.message)}${t('main.period')}`;
    return t(syscall === 'write' || syscall === 'rename' ? 'read.cannotWrite' : 'read.cannotRead', { subject, detail: plain(error.message) });
  }
  return /(?:[.?!]\)?|[。？！]）?)$/.test(error.message) ? error.message : `${error.message}${t('main.period')}`;
}

/** "ENOSPC: no space left on device, write" → "no space left on device". */
function plain(message: string): string {
  return message.replace(/^E[A-Z]+: /, '').replace(/, \w+( '[^']*')*$/, '');
}
