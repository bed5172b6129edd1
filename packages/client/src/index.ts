export { type ClientOptions, createClient, type SunshineClient } from './client.js';
export {
  SunshineApiError,
  SunshineError,
  type SunshineErrorDetail,
  SunshineNetworkError,
  SunshineTimeoutError,
} from './errors.js';
export * from './generated/operations.gen.js';
export type { components, operations, paths } from './generated/schema.gen.js';
export type { AuthOptions, BaseUrlOptions, RetryOptions } from './client.js';
export { type Page, type PageItem, paginate, paginatePages } from './paginate.js';
export type { CallOptions, OperationData, OperationParams, OperationResult } from './types.js';
