import type { DataSource } from 'typeorm';
import type { EnvelopeCipher, NamedPerson, Pseudonymiser } from '@hub/privacy';

/** A resident as the vault keeps them: sealed, by person pseudonym. */
export interface VaultEntry {
  pseudonym: string;
  sealedIdentity: string;
  /** A keyed digest of what is sealed (domain `identity`), so an unchanged identity is not written again. */
  token: string;
}

/** A finding's subject as a reveal answers it. */
export interface RevealedIdentity {
  identityNumber: string;
  name: string;
}

const context = (pseudonym: string) => `gateway_identity:${pseudonym}`;

/**
 * The identity vault (issue 20): each resident's identity number and name, sealed with the
 * envelope key, by person pseudonym, fed from the accepted records that name a person (the name
 * beside the identity number: households' members, certificate holders, students). Only an entitled reveal reads it
 * (POST /v1/findings/{id}/reveal); nothing else in the hub can turn a pseudonym back into a person.
 */
export class IdentityVault {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: EnvelopeCipher,
    private readonly pseudonymiser: Pseudonymiser,
  ) {}

  /** What the ledger writes for the residents a batch names. */
  entriesFor(persons: readonly (NamedPerson & { name: string })[]): VaultEntry[] {
    return persons.map((person) => {
      const identity: RevealedIdentity = { identityNumber: person.identityNumber, name: person.name };
      const token = this.pseudonymiser.pseudonymise('identity', `${person.identityNumber}\u0000${person.name}`);
      return { pseudonym: person.pseudonym, sealedIdentity: this.cipher.seal(JSON.stringify(identity), context(person.pseudonym)), token };
    });
  }

  async reveal(pseudonym: string): Promise<RevealedIdentity | undefined> {
    const rows: { sealed_identity: string }[] = await this.dataSource.query('SELECT sealed_identity FROM gateway_identity WHERE pseudonym = $1', [pseudonym]);
    return rows[0] && (JSON.parse(this.cipher.open(rows[0].sealed_identity, context(pseudonym))) as RevealedIdentity);
  }
}
