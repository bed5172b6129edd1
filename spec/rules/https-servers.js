// Server URLs (root, path and operation level) must be absolute https:// URLs.
export function HttpsServers() {
  return {
    Server: {
      enter(server, ctx) {
        const url = server.url;
        if (typeof url !== 'string' || !/^https:\/\/[^/]/i.test(url)) {
          ctx.report({
            message: `Server URL "${url}" must be an absolute https:// URL.`,
            location: ctx.location.child(['url']),
          });
        }
      },
    },
  };
}
