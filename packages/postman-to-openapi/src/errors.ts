/** A problem with the user's input: reported as one line naming the file and the JSON pointer. */
export class ImportError extends Error {
  readonly pointer: string;
  source: string | undefined;
  constructor(message: string, pointer = '', source?: string) {
    super(message);
    this.name = 'ImportError';
    this.pointer = pointer;
    this.source = source;
  }

  /** `file.json at /item/0/request: message` */
  toLine(): string {
    const where = this.pointer === '' ? '(document root)' : this.pointer;
    return `${this.source ?? '<input>'} at ${where}: ${this.message}`;
  }
}

/** A problem with how the tool was called (flags, existing output, unwritable paths): exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Encode one reference token of a JSON pointer (RFC 6901). */
export function pointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerOf(path: ReadonlyArray<string | number>): string {
  return path.map((t) => '/' + pointerToken(t)).join('');
}
