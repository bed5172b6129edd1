// Every operation has an operationId in lowerCamelCase (letters and digits, starting lower case).
const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;

export function OperationIdCamelCase() {
  return {
    Operation: {
      enter(operation, ctx) {
        const id = operation.operationId;
        if (typeof id !== 'string' || id === '') {
          ctx.report({ message: 'Operation must have an operationId.', location: ctx.location.key() });
          return;
        }
        if (!CAMEL_CASE.test(id)) {
          ctx.report({
            message: `operationId "${id}" must be lowerCamelCase (e.g. "updateIntegration").`,
            location: ctx.location.child(['operationId']),
          });
        }
      },
    },
  };
}
