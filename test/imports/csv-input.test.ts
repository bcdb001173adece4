import iconv from 'iconv-lite';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkFile,
  encodingNamed,
  ExactDecoder,
  FileRefused,
  type Encoding,
} from '../../src/common/csv-input.js';
import { sha256 } from './support.js';

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hub-csv-input-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Writes bytes to a file and reads them back through the decoder: text or refusal. */
async function decode(bytes: Buffer, encoding: Encoding = 'utf-8') {
  const file = join(dir, `f${n++}.csv`);
  await writeFile(file, bytes);
  let text = '';
  const decoder = new ExactDecoder(file, encoding);
  const sink = new Writable({
    write(chunk: Buffer, _e, next) {
      text += chunk.toString('utf8');
      next();
    },
  });
  try {
    await pipeline(createReadStream(file), decoder, sink);
    const check = await checkFile(file, encoding);
    return { text, sha256: decoder.sha256, check };
  } catch (e) {
    // The full check refuses the same way.
    await expect(checkFile(file, encoding)).rejects.toThrow((e as Error).message);
    return { refused: e as FileRefused };
  }
}

/** Line (1-based) and byte offset (0-based) of a byte sequence, computed from the bytes. */
function where(bytes: Buffer, needle: number[]) {
  const offset = bytes.indexOf(Buffer.from(needle));
  const line = bytes.subarray(0, offset).filter((b) => b === 0x0a).length + 1;
  return { line, byteOffset: offset };
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const HEADER = 'address_id,street_type,street_name\n';

describe('UTF-8 input', () => {
  it('passes valid UTF-8 exactly, with its SHA-256', async () => {
    const bytes = utf8(`${HEADER}A1,VIALE,della Libertà\nA2,VIA,Città 😀 €\n`);
    const r = await decode(bytes);
    expect(r.text).toBe(bytes.toString('utf8'));
    expect(r.sha256).toBe(sha256(bytes));
    expect(r.check).toEqual({ sha256: sha256(bytes), bytes: bytes.length });
  });

  it('accepts and drops a UTF-8 byte-order mark (the hash covers it)', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      utf8(`${HEADER}A1,VIA,Libertà\n`),
    ]);
    const r = await decode(bytes);
    expect(r.text).toBe(`${HEADER}A1,VIA,Libertà\n`);
    expect(r.sha256).toBe(sha256(bytes));
  });

  it('refuses a Windows-1252 file with the line and byte offset of the first invalid byte', async () => {
    const bytes = iconv.encode(
      `${HEADER}A1,VIA,Roma\nA2,VIALE,Libertà\nA3,VIA,Città\n`,
      'windows-1252',
    );
    const r = await decode(bytes);
    expect(r.refused).toBeInstanceOf(FileRefused);
    expect(r.refused).toMatchObject(where(bytes, [0xe0]));
    expect(r.refused!.line).toBe(3);
    expect(r.refused!.message).toMatch(/line 3, byte offset \d+: not valid UTF-8: byte 0xE0/);
    expect(r.refused!.message).toMatch(/in windows-1252 is "à"/);
    expect(r.refused!.message).toMatch(/--encoding windows-1252/);
  });

  it('finds the invalid byte across read chunks, after real U+FFFD characters', async () => {
    // fs streams read 64 KiB chunks: put valid multi-byte characters and the fault
    // around the boundaries.
    const filler = 'x'.repeat(65535);
    const valid = utf8(`${HEADER}${filler}é\n`); // é split across the first boundary
    expect((await decode(valid)).text).toBe(valid.toString('utf8'));
    const head = utf8(`${HEADER}\ufffd ok\n`);
    const bytes = Buffer.concat([
      head,
      utf8(`${'y'.repeat(2 * 65536 - 2 - head.length - 1)}\n`),
      Buffer.from([0xe2, 0x82]), // a truncated euro sign ending the second chunk…
      utf8('!\nlast\n'), // …followed by ASCII in the third
    ]);
    expect(bytes.indexOf(0x21)).toBe(2 * 65536);
    const r = await decode(bytes);
    expect(r.refused).toMatchObject({ ...where(bytes, [0xe2, 0x82, 0x21]), line: 4 });
  });

  it('refuses a file that ends inside a multi-byte sequence', async () => {
    const bytes = Buffer.concat([utf8(`${HEADER}A1,VIA,Roma`), Buffer.from([0xc3])]);
    const r = await decode(bytes);
    expect(r.refused).toMatchObject({ line: 2, byteOffset: bytes.length - 1 });
    expect(r.refused!.message).toMatch(/ends inside a UTF-8 sequence/);
  });

  it('refuses UTF-16 with a message that says so', async () => {
    const r = await decode(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n', 'utf16le')]),
    );
    expect(r.refused).toMatchObject({ line: 1, byteOffset: 0 });
    expect(r.refused!.message).toMatch(/UTF-16/);
  });
});

describe('a named single-byte encoding', () => {
  it('converts windows-1252 exactly, € and curly quotes included', async () => {
    const text = `${HEADER}A1,VIALE,della Libertà\nA2,VIA,“Città” – 5 €\n`;
    const r = await decode(iconv.encode(text, 'windows-1252'), 'windows-1252');
    expect(r.text).toBe(text);
  });

  it('converts iso-8859-1 and iso-8859-15 exactly', async () => {
    const text = `${HEADER}A1,VIA,Libertà ÀÉÌÒÙ àéìòù\n`;
    expect((await decode(Buffer.from(text, 'latin1'), 'iso-8859-1')).text).toBe(text);
    const euro = `${HEADER}A1,VIA,5 € Città\n`;
    expect((await decode(iconv.encode(euro, 'iso-8859-15'), 'iso-8859-15')).text).toBe(euro);
  });

  it('refuses a byte that is no character in windows-1252, with line and offset', async () => {
    const bytes = Buffer.concat([
      utf8(`${HEADER}A1,VIA,Roma\nA2,VIA,`),
      Buffer.from([0x81]),
      utf8('\n'),
    ]);
    const r = await decode(bytes, 'windows-1252');
    expect(r.refused).toMatchObject({ ...where(bytes, [0x81]), line: 3 });
    expect(r.refused!.message).toMatch(/byte 0x81 is not a character in windows-1252/);
  });

  it('refuses C1 control codes in iso-8859-1 (the file is windows-1252)', async () => {
    const bytes = Buffer.concat([utf8(`${HEADER}A1,VIA,`), Buffer.from([0x80]), utf8('\n')]);
    const r = await decode(bytes, 'iso-8859-1');
    expect(r.refused).toMatchObject(where(bytes, [0x80]));
    expect(r.refused!.message).toMatch(/C1 control code in iso-8859-1/);
  });

  it('refuses a UTF-8 file named windows-1252 instead of garbling it', async () => {
    const bytes = utf8(`${HEADER}A1,VIA,Roma\nA2,VIALE,della Libertà\n`);
    const r = await decode(bytes, 'windows-1252');
    expect(r.refused).toMatchObject(where(bytes, [0xc3, 0xa0]));
    expect(r.refused!.message).toMatch(/valid UTF-8 .* run without --encoding/);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(HEADER)]);
    expect((await decode(bom, 'windows-1252')).refused!.message).toMatch(/byte-order mark/);
  });

  it('reads a pure ASCII file in any encoding', async () => {
    const text = `${HEADER}A1,VIA,Roma\n`;
    expect((await decode(utf8(text), 'windows-1252')).text).toBe(text);
  });
});

describe('encoding names', () => {
  it('knows the canonical names and aliases, in any case, and lists them when unknown', () => {
    expect(encodingNamed('UTF8')).toBe('utf-8');
    expect(encodingNamed('cp1252')).toBe('windows-1252');
    expect(encodingNamed('Latin1')).toBe('iso-8859-1');
    expect(encodingNamed('latin9')).toBe('iso-8859-15');
    expect(() => encodingNamed('utf-16')).toThrow(/unknown encoding "utf-16"; supported: utf-8/);
  });
});
