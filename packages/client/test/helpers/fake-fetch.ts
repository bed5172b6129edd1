/** A recording fake `fetch`: the handler sees each Request and the 1-based call number. */
export function fakeFetch(handler: (request: Request, call: number) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    requests.push(request.clone());
    return handler(request, requests.length);
  };
  return Object.assign(fetch as typeof globalThis.fetch, { requests });
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export const text = (body: string, status: number, contentType = 'text/plain') =>
  new Response(body, { status, headers: { 'content-type': contentType } });
