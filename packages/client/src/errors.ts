/** One `errors[]` entry of a Sunshine Conversations error body. */
export interface SunshineErrorDetail {
  code: string;
  title?: string;
}

/** Base class of every error this client throws; never carries credentials. */
export class SunshineError extends Error {
  override name = 'SunshineError';
  /** HTTP method of the failed request. */
  declare readonly method: string;
  /** URL of the failed request, without credentials. */
  declare readonly url: string;

  constructor(
    message: string,
    fields: { method: string; url: string; [field: string]: unknown },
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    Object.assign(this, fields);
  }

  /** Plain fields for logs and JSON: no stack, no cause. */
  toJSON(): object {
    return { ...this, message: this.message };
  }
}

/** The API answered with a non-2xx status (or a 2xx body that could not be read). */
export class SunshineApiError extends SunshineError {
  override name = 'SunshineApiError';
  /** HTTP status code. */
  declare readonly status: number;
  /** The API's `errors[{ code, title }]`, empty when the body had none. */
  declare readonly errors: SunshineErrorDetail[];
  /** Value of the request id response header, when the API sent one. */
  declare readonly requestId?: string;
  /** The response body: parsed JSON, text (at most 2000 characters), or undefined when empty. */
  declare readonly body?: unknown;
}

/** The request failed before a complete response arrived (connection refused, reset, DNS…). */
export class SunshineNetworkError extends SunshineError {
  override name = 'SunshineNetworkError';
  /** System error code when known, e.g. `ECONNREFUSED`. */
  declare readonly code?: string;
}

/** No complete response within `timeoutMs`. */
export class SunshineTimeoutError extends SunshineError {
  override name = 'SunshineTimeoutError';
  declare readonly timeoutMs: number;
}
