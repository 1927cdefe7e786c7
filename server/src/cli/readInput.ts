import { readFileSync } from 'node:fs';
import { t } from '../messages';

/** What a binary file looks like from its first bytes, to name it in the error. */
const magic: readonly (readonly [string, number[]])[] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]], ['a JPEG image', [0xff, 0xd8, 0xff]], ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a gzip archive', [0x1f, 0x8b]], ['a zip archive', [0x50, 0x4b, 0x03, 0x04]], ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['an executable (ELF)', [0x7f, 0x45, 0x4c, 0x46]], ['a WebAssembly module', [0x00, 0x61, 0x73, 0x6d]],
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
  for (const [name, signature] of magic) if (signature.every((byte, i) => bytes[i] === byte)) return name;
  const sample = bytes.subarray(0, 8000);
  let control = 0;
  for (const byte of sample) if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control++;
  return sample.length > 0 && control / sample.length > 0.1 ? 'mostly control bytes' : undefined;
}

/** Node's file-system error codes as the end of a sentence about the path. */
const codes: Record<string, string> = {
  ENOENT: 'does not exist',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'is not a folder (a part of the path is a file)',
  EACCES: 'cannot be read: permission denied',
  EPERM: 'cannot be read: operation not permitted',
  ELOOP: 'is a loop of symbolic links',
  ENAMETOOLONG: 'is a name too long for the file system',
  EMFILE: 'cannot be opened: too many files are open',
  EIO: 'cannot be read: an input/output error',
  EAGAIN: 'cannot be read now: no data is ready (try again)',
  ENOSPC: 'cannot be written: the disk is full',
  EROFS: 'cannot be written: the file system is read-only',
  EBUSY: 'is busy',
};

/**
 * An error as one sentence for the terminal: never a raw Node error code (`ENOENT: no such file
 * or directory, stat 'json'` becomes `json does not exist.`).
 */
export function readableError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code, path, dest, syscall } = error as NodeJS.ErrnoException & { dest?: string };
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    const subject = path ?? dest;
    const known = codes[code];
    if (subject !== undefined) return `${subject === '/dev/stdin' || subject === '0' ? 'standard input' : subject} ${known ?? `cannot be ${syscall === 'write' || syscall === 'rename' ? 'written' : 'read'} (${plain(error.message)})`}.`;
    return known ? `a file ${known}.` : `${plain(error.message)}.`;
  }
  return /[.?!]\)?$/.test(error.message) ? error.message : `${error.message}.`;
}

/** "ENOSPC: no space left on device, write" → "no space left on device". */
function plain(message: string): string {
  return message.replace(/^E[A-Z]+: /, '').replace(/, \w+( '[^']*')*$/, '');
}
