/** Per-client internals that must not be reachable from the public object (e.g. secret redaction). */
const redactors = new WeakMap<object, (text: string) => string>();

export const setRedactor = (client: object, redact: (text: string) => string): void => {
  redactors.set(client, redact);
};

export const redactorOf = (client: object): ((text: string) => string) => redactors.get(client) ?? ((t) => t);
