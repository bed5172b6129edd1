export { SecurityRegistry } from './auth.js';
export { convertCollection } from './convert.js';
export { toYaml } from './emit.js';
export { ImportError, UsageError } from './errors.js';
export { DEFAULT_MAX_BYTES, parseJsonText, readJsonFile } from './load.js';
export { safeStem, splitDocument } from './split.js';
export type {
  ConvertOptions,
  ConvertResult,
  ImportWarning,
  JsonObject,
  OpenApiDocument,
  RequiredRule,
} from './types.js';
export { formatWarning } from './warnings.js';
export { writeFileAtomic, writeTreeAtomic } from './write.js';
