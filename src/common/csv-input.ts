import iconv from 'iconv-lite';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, Writable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/*
 * Reading an import file's bytes as text, exactly: the file must be valid UTF-8 (a UTF-8
 * byte-order mark is allowed and dropped) unless the operator names its encoding, and
 * nothing is ever replaced by U+FFFD. A byte that is not text in the encoding refuses the
 * whole file with its line and byte offset; nothing is guessed.
 */

/** The encodings an operator may name (`--encoding`), each with its accepted aliases. */
export const ENCODINGS = {
  'utf-8': ['utf8'],
  'windows-1252': ['cp1252'],
  'iso-8859-1': ['latin1', 'latin-1', 'iso8859-1'],
  'iso-8859-15': ['latin9', 'latin-9', 'iso8859-15'],
} as const;

/** Canonical name of a supported encoding. */
export type Encoding = keyof typeof ENCODINGS;

/** The encoding named by `name` (any case, canonical name or alias), or throws. */
export function encodingNamed(name: string): Encoding {
  const n = name.trim().toLowerCase();
  for (const [canonical, aliases] of Object.entries(ENCODINGS))
    if (n === canonical || (aliases as readonly string[]).includes(n)) return canonical as Encoding;
  throw new Error(
    `unknown encoding "${name}"; supported: ${Object.entries(ENCODINGS)
      .map(([c, a]) => `${c} (${a.join(', ')})`)
      .join(', ')}`,
  );
}

/** A file refused as a whole: its bytes are not text in the encoding. Names where. */
export class FileRefused extends Error {
  constructor(
    readonly file: string,
    /** 1-based line of the first offending byte. */
    readonly line: number,
    /** 0-based offset of the first offending byte in the file. */
    readonly byteOffset: number,
    detail: string,
  ) {
    super(`${file}: line ${line}, byte offset ${byteOffset}: ${detail}`);
  }
}

const hex = (bytes: ArrayLike<number>) =>
  Array.from(bytes).map((b) => `0x${b.toString(16).toUpperCase()}`);
const NAME_IT = 'name its encoding with --encoding windows-1252 (or iso-8859-1, iso-8859-15)';
/** What a byte would be in windows-1252, as a hint when UTF-8 decoding fails on it. */
function asCp1252(byte: number): string {
  const c = iconv.decode(Buffer.from([byte]), 'windows-1252');
  return byte >= 0xa0 ? `, which in windows-1252 is "${c}"` : '';
}
/** Code points a single-byte decoding must never produce: undefined bytes, C1 controls. */
const NOT_TEXT = /[\u0080-\u009f\ufffd]/;

/**
 * A transform from the file's bytes to UTF-8 text, exact or failing with a
 * {@link FileRefused}. It also hashes the bytes (SHA-256): with `expectedSha256`, a file
 * that changed since it was checked fails at the end.
 */
export class ExactDecoder extends Transform {
  /** SHA-256 (hex) of every byte read, once the stream has ended. */
  sha256 = '';
  /** Bytes read so far. */
  bytes = 0;
  private readonly hash = createHash('sha256');
  /** Line of the first byte of the current chunk (1-based). */
  private line = 1;
  /** The chunk being decoded, for the line of an offset inside it. */
  private chunk: Buffer | null = null;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly single: iconv.DecoderStream | null;
  /** UTF-8: file offset of the first byte not yet turned into text. */
  private emitted = 0;
  /** The last bytes read (an incomplete UTF-8 sequence held by the decoder is in them). */
  private tail = Buffer.alloc(0);
  /** Single-byte encodings: whether the bytes so far are also valid UTF-8. */
  private alsoUtf8 = true;
  private firstNonAscii: number | null = null;
  private firstNonAsciiLine = 0;

  constructor(
    private readonly file: string,
    private readonly encoding: Encoding,
    private readonly expectedSha256?: string,
  ) {
    super();
    this.single = encoding === 'utf-8' ? null : iconv.getDecoder(encoding);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      this.hash.update(chunk);
      this.chunk = chunk;
      const start = this.bytes;
      let skip = 0;
      if (start === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        if (this.single)
          throw this.refuse(
            0,
            `the file starts with a UTF-8 byte-order mark: it is UTF-8, not ${this.encoding}; run without --encoding`,
          );
        skip = 3;
        this.emitted = 3;
      }
      const body = chunk.subarray(skip);
      const text = this.single
        ? this.decodeSingle(body, start + skip)
        : this.decodeUtf8(body, start + skip);
      this.bytes += chunk.length;
      this.line += count(chunk, 0x0a);
      this.tail = Buffer.concat([this.tail, chunk]).subarray(-3);
      this.chunk = null;
      if (text) this.push(Buffer.from(text, 'utf8'));
      done();
    } catch (e) {
      done(e as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      if (!this.single) {
        try {
          this.utf8.decode();
        } catch {
          const cut = this.tail.subarray(this.tail.length - (this.bytes - this.emitted));
          throw this.refuse(
            this.emitted,
            `the file ends inside a UTF-8 sequence (bytes ${hex(cut).join(' ')}); ${NAME_IT}`,
          );
        }
      } else if (this.firstNonAscii !== null && this.alsoUtf8 && this.utf8Ends()) {
        throw new FileRefused(
          this.file,
          this.firstNonAsciiLine,
          this.firstNonAscii,
          `the file is valid UTF-8 (this is its first non-ASCII character), so it is not ${this.encoding}: decoding it as ${this.encoding} would garble every accented letter; run without --encoding`,
        );
      }
      this.sha256 = this.hash.digest('hex');
      if (this.expectedSha256 && this.sha256 !== this.expectedSha256)
        throw new Error(
          `${this.file}: the file changed while it was being imported (SHA-256 ${this.expectedSha256} when checked, ${this.sha256} when read)`,
        );
      done();
    } catch (e) {
      done(e as Error);
    }
  }

  /** Decodes UTF-8 bytes starting at file offset `at`; refuses the first invalid sequence. */
  private decodeUtf8(body: Buffer, at: number): string {
    try {
      const text = this.utf8.decode(body, { stream: true });
      this.emitted += Buffer.byteLength(text, 'utf8');
      return text;
    } catch {
      // The decoder may hold the start of a sequence from the previous chunk: decode from
      // there leniently; the first U+FFFD that does not stand for the bytes EF BF BD (a real
      // U+FFFD in the file) is the first invalid sequence.
      const pending = this.tail.subarray(this.tail.length - (at - this.emitted));
      const bytes = Buffer.concat([pending, body]);
      const base = this.emitted;
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) {
        const pos = Buffer.byteLength(text.slice(0, i), 'utf8');
        if (bytes[pos] === 0xef && bytes[pos + 1] === 0xbf && bytes[pos + 2] === 0xbd) continue;
        const bad = bytes.subarray(pos, pos + 4);
        const utf16 =
          base + pos === 0 &&
          ((bad[0] === 0xff && bad[1] === 0xfe) || (bad[0] === 0xfe && bad[1] === 0xff));
        throw this.refuse(
          base + pos,
          utf16
            ? 'the file starts with a UTF-16 byte-order mark; save it as UTF-8'
            : `not valid UTF-8: byte ${hex(bad)[0]}${
                bad.length > 1 ? ` (then ${hex(bad.subarray(1)).join(' ')})` : ''
              }${asCp1252(bad[0])}; ${NAME_IT}`,
        );
      }
      throw this.refuse(base, `not valid UTF-8; ${NAME_IT}`);
    }
  }

  /** Decodes single-byte text starting at file offset `at`; refuses a byte that is not text. */
  private decodeSingle(body: Buffer, at: number): string {
    const text = this.single!.write(body);
    const bad = NOT_TEXT.exec(text);
    if (bad) {
      const byte = hex([body[bad.index]])[0];
      throw this.refuse(
        at + bad.index,
        this.encoding === 'windows-1252'
          ? `byte ${byte} is not a character in windows-1252`
          : `byte ${byte} is a C1 control code in ${this.encoding}, not text (is the file windows-1252?)`,
      );
    }
    if (this.firstNonAscii === null) {
      const i = body.findIndex((b) => b >= 0x80);
      if (i >= 0) {
        this.firstNonAscii = at + i;
        this.firstNonAsciiLine = this.lineOf(at + i);
      }
    }
    if (this.alsoUtf8)
      try {
        this.utf8.decode(body, { stream: true });
      } catch {
        this.alsoUtf8 = false;
      }
    return text;
  }

  private utf8Ends(): boolean {
    try {
      this.utf8.decode();
      return true;
    } catch {
      return false;
    }
  }

  private refuse(offset: number, detail: string): FileRefused {
    return new FileRefused(this.file, this.lineOf(offset), offset, detail);
  }

  /** Line of a file offset in the current chunk (bytes held from before it hold no LF). */
  private lineOf(offset: number): number {
    const inChunk = offset - this.bytes;
    if (!this.chunk || inChunk <= 0) return this.line;
    return this.line + count(this.chunk.subarray(0, inChunk), 0x0a);
  }
}

function count(bytes: Buffer, byte: number): number {
  let n = 0;
  for (let i = bytes.indexOf(byte); i >= 0; i = bytes.indexOf(byte, i + 1)) n++;
  return n;
}

/** What a full read of a file found: its SHA-256 and size (it decoded exactly). */
export interface FileCheck {
  sha256: string;
  bytes: number;
}

/**
 * Reads a whole file through {@link ExactDecoder} before anything is written: refuses it
 * (FileRefused) when it is not text in `encoding`, else returns its SHA-256 and size.
 */
export async function checkFile(file: string, encoding: Encoding): Promise<FileCheck> {
  const decoder = new ExactDecoder(file, encoding);
  const sink = new Writable({ write: (_c, _e, next) => next() });
  await pipeline(createReadStream(file), decoder, sink);
  return { sha256: decoder.sha256, bytes: decoder.bytes };
}

/** SHA-256 (hex) of a file's bytes, whatever they are. */
export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/**
 * The delimiter of a CSV file, from its header line: `;` when the header has more `;`
 * than `,`, else `,`. (Both are ASCII: the header's encoding does not matter here.)
 */
export async function detectDelimiter(file: string): Promise<',' | ';'> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(65536);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    const end = head.indexOf(0x0a);
    const header = head.subarray(0, end < 0 ? head.length : end);
    return count(header, 0x3b) > count(header, 0x2c) ? ';' : ',';
  } finally {
    await handle.close();
  }
}
