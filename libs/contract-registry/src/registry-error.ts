/**
 * Errors of the contract registry, with the error codes of the Confluent Schema Registry API so
 * that its clients understand them, and the HTTP status the edge answers with.
 */
export const RegistryErrorCode = {
  Unauthenticated: 40101,
  Forbidden: 40301,
  SubjectNotFound: 40401,
  VersionNotFound: 40402,
  SchemaNotFound: 40403,
  SubjectCompatibilityNotConfigured: 40408,
  IncompatibleSchema: 409,
  InvalidSchema: 42201,
  InvalidVersion: 42202,
  InvalidCompatibilityLevel: 42203,
  InvalidLifecycle: 42210,
  InvalidSampleWindow: 42211,
} as const;
export type RegistryErrorCode = (typeof RegistryErrorCode)[keyof typeof RegistryErrorCode];

export class RegistryError extends Error {
  constructor(
    readonly errorCode: RegistryErrorCode,
    message: string,
    /** For an incompatible schema: each incompatibility, explained. */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'RegistryError';
  }

  /** The HTTP status: the first three digits of the code (409 stays 409). */
  get httpStatus(): number {
    return this.errorCode < 1000 ? this.errorCode : Math.floor(this.errorCode / 100);
  }
}
