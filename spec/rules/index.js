// Redocly plugin with the Sunshine Conversations house rules.
// Registered in ../redocly.yaml as `sunshine/<rule-name>`.
import { CredentialFreeExamples } from './credential-free-examples.js';
import { ErrorEnvelope } from './error-envelope.js';
import { HttpsServers } from './https-servers.js';
import { NoInlineBodySchemas } from './no-inline-body-schemas.js';
import { OperationIdCamelCase } from './operation-id-camel-case.js';
import { OperationSecurityDeclared } from './operation-security-declared.js';
import { TypedProperties } from './typed-properties.js';

export default function sunshinePlugin() {
  return {
    id: 'sunshine',
    rules: {
      oas3: {
        'operation-id-camel-case': OperationIdCamelCase,
        'operation-security-declared': OperationSecurityDeclared,
        'error-envelope': ErrorEnvelope,
        'no-inline-body-schemas': NoInlineBodySchemas,
        'typed-properties': TypedProperties,
        'https-servers': HttpsServers,
        'credential-free-examples': CredentialFreeExamples,
      },
    },
  };
}
