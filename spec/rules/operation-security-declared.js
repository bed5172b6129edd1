// Every operation states who may call it. With `requireOperationLevel: true` each operation must carry its
// own `security` (an explicit empty list `[]` marks a public operation); otherwise a non-empty root-level
// `security` it inherits is enough. A `security` that is not a list, or an entry that is not a
// requirement object, is always reported.
export function OperationSecurityDeclared(options = {}) {
  const requireOperationLevel = options.requireOperationLevel === true;
  let rootSecurity;
  return {
    Root: {
      enter(root) {
        rootSecurity = root.security;
      },
    },
    Operation: {
      enter(operation, ctx) {
        if (operation.security === undefined) {
          if (!requireOperationLevel && Array.isArray(rootSecurity) && rootSecurity.length > 0) return;
          ctx.report({
            message: requireOperationLevel
              ? 'Operation must declare its own `security` (`security: []` if it is public).'
              : 'Operation declares no security and the root has none to inherit: add `security` ' +
                '(or `security: []` if it is public).',
            location: ctx.location.key(),
          });
          return;
        }
        if (!Array.isArray(operation.security)) {
          ctx.report({
            message: '`security` must be a list of security requirements.',
            location: ctx.location.child(['security']),
          });
          return;
        }
        operation.security.forEach((requirement, i) => {
          if (requirement === null || typeof requirement !== 'object' || Array.isArray(requirement)) {
            ctx.report({
              message: 'Each security requirement must be an object naming a security scheme.',
              location: ctx.location.child(['security', i]),
            });
          }
        });
      },
    },
  };
}
