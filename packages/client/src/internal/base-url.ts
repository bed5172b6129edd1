/** Where to send requests: the Zendesk subdomain host, a legacy region host, or an explicit URL. */
export interface BaseUrlOptions {
  /** Explicit base URL (wins over subdomain and region), e.g. a mock server. */
  baseUrl?: string;
  /** Your Zendesk subdomain: requests go to `https://{subdomain}.zendesk.com/sc`. */
  subdomain?: string;
  /** Legacy Sunshine Conversations hosts: `us` → api.smooch.io, `eu` → api.eu-1.smooch.io. */
  region?: 'us' | 'eu';
}

const REGIONS = { us: 'https://api.smooch.io', eu: 'https://api.eu-1.smooch.io' } as const;

export function resolveBaseUrl({ baseUrl, subdomain, region }: BaseUrlOptions): string {
  if (baseUrl !== undefined) {
    if (!/^https?:\/\/[^/@]+(\/|$)/i.test(baseUrl)) {
      throw new TypeError('createClient: baseUrl must be an absolute http(s) URL without credentials');
    }
    return baseUrl.replace(/\/+$/, '');
  }
  if (subdomain !== undefined) {
    if (!/^[a-z\d-]+$/i.test(subdomain)) {
      throw new TypeError(`createClient: subdomain "${subdomain}" is not a Zendesk subdomain like "acme"`);
    }
    return `https://${subdomain.toLowerCase()}.zendesk.com/sc`;
  }
  if (region !== undefined) {
    if (region in REGIONS) return REGIONS[region];
    throw new TypeError(`createClient: region "${region}" is unknown; use 'us' or 'eu'`);
  }
  throw new TypeError("createClient: pass subdomain, region ('us' | 'eu') or baseUrl");
}
