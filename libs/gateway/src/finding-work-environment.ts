import { Expose } from 'class-transformer';
import { IsOptional, IsString } from 'class-validator';
import { HubEnvironment, IsKeyRing } from '@hub/config';

/** The settings the findings' use cases need (findingWorkProviders): the gateway's and the console's settings extend them. */
export class FindingWorkEnvironment extends HubEnvironment {
  /**
   * The hub-held pseudonym keys, `<version>:<base64 secret of 32+ bytes>[,...]`; the highest version
   * makes new pseudonyms. Required: without it the gateway cannot let any identity number through (nor the console record who answered a finding).
   */
  @Expose()
  @IsKeyRing('PSEUDONYM_KEYS')
  PSEUDONYM_KEYS!: string;

  /**
   * The envelope keys, `<version>:<base64 secret of 32+ bytes>[,...]`, a ring apart from the
   * pseudonym keys: rejected records, department record keys and the identity vault are sealed
   * with them at rest (AES-256-GCM). The highest version seals; older ones open until the gateway
   * seals their rows again at its next start. Required.
   */
  @Expose()
  @IsKeyRing('ENVELOPE_KEYS')
  ENVELOPE_KEYS!: string;

  /** The registry's compacted topic of contracts, followed for validation (and, in the console, for the response contract). */
  @Expose()
  @IsString()
  CONTRACTS_TOPIC = 'hub.contracts';

  /** The registry's public key (PEM): contract changes it did not sign are refused to the dead-letter topic. Unset: not checked. */
  @Expose()
  @IsOptional()
  @IsString()
  CONTRACTS_PUBLIC_KEY_FILE?: string;
}

/** The options of findingWorkProviders, from its settings. */
export const findingWorkOptions = (env: FindingWorkEnvironment) => ({
  pseudonymKeys: env.PSEUDONYM_KEYS,
  envelopeKeys: env.ENVELOPE_KEYS,
  contractsTopic: env.CONTRACTS_TOPIC,
  ...(env.CONTRACTS_PUBLIC_KEY_FILE ? { contractsPublicKeyFile: env.CONTRACTS_PUBLIC_KEY_FILE } : {}),
});
