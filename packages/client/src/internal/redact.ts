const JWT_LIKE = /eyJ[\w-]*\.[\w-]+\.[\w-]+/g;

/**
 * Returns a function that removes the given secrets (and anything shaped like a JWT) from a string,
 * also in their JSON-escaped form so that secrets inside JSON text are caught too.
 */
export function createRedactor(secrets: () => string[]): (text: string) => string {
  return (text) => {
    let out = text.replace(JWT_LIKE, '[redacted]');
    for (const secret of secrets()) {
      for (const form of [secret, JSON.stringify(secret).slice(1, -1)]) {
        if (form.length >= 4) out = out.split(form).join('[redacted]');
      }
    }
    return out;
  };
}
