const encoder = new TextEncoder();

export const utf8 = (text: string): Uint8Array<ArrayBuffer> =>
  encoder.encode(text) as Uint8Array<ArrayBuffer>;

/** Base64 of UTF-8 text or bytes (small inputs only: keys, JWT parts). */
export const base64 = (input: string | Uint8Array): string =>
  btoa(String.fromCharCode(...(typeof input === 'string' ? utf8(input) : input)));

export const base64url = (input: string | Uint8Array): string =>
  base64(input).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
