import { readFileSync, statSync } from 'node:fs';
import { getLocation, type ParseError, parse as parseJsonc, printParseErrorCode } from 'jsonc-parser';
import { ImportError, pointerOf } from './errors.js';

/** Collections above this size are refused (the CLI's `--max-size` changes it). */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

function human(bytes: number): string {
  if (bytes >= 1024 ** 3) return (bytes / 1024 ** 3).toFixed(1) + ' GB';
  if (bytes >= 1024 ** 2) return (bytes / 1024 ** 2).toFixed(1) + ' MB';
  if (bytes >= 1024) return (bytes / 1024).toFixed(1) + ' KB';
  return bytes + ' bytes';
}

/** Read a JSON file from disk with a size limit; errors name the file. */
export function readJsonFile(file: string, maxBytes = DEFAULT_MAX_BYTES): unknown {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile())
      throw new ImportError('is not a regular file; pass the path of an exported .json file', '', file);
    size = st.size;
  } catch (err) {
    if (err instanceof ImportError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new ImportError(
      code === 'ENOENT'
        ? 'file not found; check the path'
        : `cannot read the file (${code ?? 'unknown error'})`,
      '',
      file,
    );
  }
  if (size > maxBytes) {
    throw new ImportError(
      `file is ${human(size)}, above the ${human(maxBytes)} limit; raise it with --max-size if this is really a collection`,
      '',
      file,
    );
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ImportError(
      `cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      '',
      file,
    );
  }
  return parseJsonText(text, file);
}

/** Parse JSON text; on failure report the JSON pointer of the place where parsing stopped. */
export function parseJsonText(text: string, source?: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '')
    throw new ImportError('file is empty; expected a Postman collection (JSON)', '', source);
  try {
    return JSON.parse(body);
  } catch (err) {
    if (err instanceof RangeError) {
      throw new ImportError('JSON is nested too deeply to be a Postman collection', '', source);
    }
    const errors: ParseError[] = [];
    let offset = 0;
    let code = 'invalid JSON';
    try {
      parseJsonc(body, errors, { allowTrailingComma: false, disallowComments: true });
      const first = errors[0];
      if (first) {
        offset = first.offset;
        code = printParseErrorCode(first.error);
      }
    } catch {
      // fall through with offset 0
    }
    let pointer = '';
    try {
      const path = getLocation(body, offset).path;
      while (path.length > 0 && path[path.length - 1] === '') path.pop();
      pointer = pointerOf(path);
    } catch {
      pointer = '';
    }
    const { line, col } = lineCol(body, offset);
    throw new ImportError(`not valid JSON (${code} at line ${line}, column ${col})`, pointer, source);
  }
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let last = -1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, col: end - last };
}
