/** Per-call options accepted by every operation function besides its parameters. */
export interface CallOptions {
  /** Cancels the call, including retry waits. */
  signal?: AbortSignal;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

/** No parameters of this kind. */
type Empty = Record<never, never>;

type Success = 200 | 201 | 202 | 203 | 204 | 205 | 206 | 207 | 208 | 226 | '2XX';
type Redirect = 300 | 301 | 302 | 303 | 307 | 308 | '3XX';
type Responses<Op> = Op extends { responses: infer R } ? R : never;

type FormBody<F> = FormData | { [K in keyof F]: F[K] | Blob | Blob[] };
type MediaBody<C> = C extends { 'application/json': infer J }
  ? J
  : C extends { 'multipart/form-data': infer F }
    ? FormBody<F>
    : C[keyof C];
type ResponseBody<R> = R extends { content: infer C } ? MediaBody<C> : undefined;

type PathParams<Op> = Op extends { parameters: { path: infer P } }
  ? [P] extends [never]
    ? Empty
    : P
  : Empty;
type QueryParams<Op> = Op extends { parameters: infer P }
  ? P extends { query: infer Q }
    ? [Q] extends [never]
      ? Empty
      : { query: Q }
    : P extends { query?: infer Q }
      ? [NonNullable<Q>] extends [never]
        ? Empty
        : { query?: NonNullable<Q> }
      : Empty
  : Empty;
type BodyParams<Op> = Op extends { requestBody: infer B }
  ? { body: B extends { content: infer C } ? MediaBody<C> : never }
  : Op extends { requestBody?: infer B }
    ? [NonNullable<B>] extends [never]
      ? Empty
      : { body?: NonNullable<B> extends { content: infer C } ? MediaBody<C> : never }
    : Empty;

/** Parameters of an operation function: path parameters at the top level, plus `query` and `body`. */
export type OperationParams<Op> = PathParams<Op> & QueryParams<Op> & BodyParams<Op> & CallOptions;

type ResultFor<Op, S extends keyof Responses<Op>> = {
  [K in S]: {
    /** The HTTP status; narrows `data` when an operation has several success statuses. */
    status: K extends number ? K : number;
    /** The parsed response body. */
    data: ResponseBody<Responses<Op>[K]>;
    response: Response;
  };
}[S];

/** What an operation function resolves to: one member per documented success status. */
export type OperationResult<Op> = [keyof Responses<Op> & Success] extends [never]
  ? [keyof Responses<Op> & Redirect] extends [never]
    ? { status: number; data: unknown; response: Response }
    : ResultFor<Op, keyof Responses<Op> & Redirect>
  : ResultFor<Op, keyof Responses<Op> & Success>;

/** The success body type(s) of an operation. */
export type OperationData<Op> = OperationResult<Op>['data'];
