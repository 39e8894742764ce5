/**
 * Reading documents for the CLI: files or standard input (`-`), as bytes, decoded the way XML
 * 1.0 reads them: UTF-8 (a byte order mark skipped), or UTF-16 when a byte order mark says so.
 * Bytes that are not UTF-8 are reported where they are, never turned into U+FFFD silently.
 *
 * @see https://www.w3.org/TR/xml/#charencoding
 */
import { readFile } from 'node:fs/promises';

/** Standard input, as `process.stdin` gives it (or strings, from tests). */
export type Stdin = AsyncIterable<string | Uint8Array>;

/** A document's text, or why its bytes are not text, with the line and column where they stop being so. */
export type Decoded =
  | { readonly text: string }
  | { readonly reason: string; readonly line: number; readonly column: number };

/** Line and column (1-based) of the end of `text`, as an editor counts them. */
function endOf(text: string): { line: number; column: number } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** The UTF-8 length of the code point `code`. */
const utf8Length = (code: number) => (code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4);

/**
 * Decodes a document's bytes: UTF-16 (little or big endian) when it starts with that byte order
 * mark, UTF-8 otherwise.
 *
 * @example
 * decodeDocument(new Uint8Array([0xef, 0xbb, 0xbf, 0x3c, 0x61, 0x2f, 0x3e])) // { text: '<a/>' }
 * decodeDocument(new Uint8Array([0x3c, 0x61, 0xe9])) // { reason: 'not UTF-8: byte 0xE9 …', line: 1, column: 3 }
 */
export function decodeDocument(bytes: Uint8Array): Decoded {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : undefined;
  if (utf16 !== undefined) {
    try {
      return { text: new TextDecoder(utf16, { fatal: true }).decode(bytes) };
    } catch {
      return {
        reason: `not ${utf16.toUpperCase()} text although it starts with that byte order mark`,
        line: 1,
        column: 1,
      };
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Find the first byte that is not UTF-8: everything before it decodes as it is.
    const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    let offset = 0;
    let index = 0;
    for (const char of lenient) {
      const code = char.codePointAt(0) as number;
      const written =
        code === 0xfffd && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd);
      if (written) break;
      offset += utf8Length(code);
      index += char.length;
    }
    const byte = bytes[offset].toString(16).toUpperCase().padStart(2, '0');
    return {
      reason: `not UTF-8: byte 0x${byte} cannot be decoded (save the file as UTF-8)`,
      ...endOf(lenient.slice(0, index)),
    };
  }
}

/** The bytes of standard input (strings, from tests, are encoded as UTF-8). */
async function readStdin(stdin: Stdin): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const encoder = new TextEncoder();
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** Why a file could not be read, in a few words (`ENOENT: no such file`…). */
function readFailure(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'a directory, not a file',
    EACCES: 'permission denied',
  };
  return `cannot read ${file}: ${code ?? String(error)}${code && words[code] ? ` (${words[code]})` : ''}`;
}

/** A document read: its text (or why its bytes are not text), or `unreadable` when it could not be read at all. */
export type Input = Decoded | { readonly unreadable: string };

/** Reads `file` (`-`: standard input) and decodes it. */
export async function readDocument(file: string, stdin: Stdin): Promise<Input> {
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? await readStdin(stdin) : await readFile(file);
  } catch (error) {
    return { unreadable: readFailure(file, error) };
  }
  return decodeDocument(bytes);
}
