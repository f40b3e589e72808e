import { ContractValidator, type ValidationResult } from '@hub/contracts';
import type { ContractState } from './contract-change.js';

/**
 * A service's own copy of the registered contracts, kept current from hub.contracts: the latest
 * contract per subject and per topic, with compiled validators.
 */
export class ContractCatalog {
  private readonly bySubject = new Map<string, ContractState>();
  private validator = new ContractValidator();
  private stale = false;

  /** Applies one record of hub.contracts (a null value deletes the subject). */
  apply(subject: string, value: Buffer | null): void {
    if (value === null) this.bySubject.delete(subject);
    else this.bySubject.set(subject, JSON.parse(value.toString('utf8')) as ContractState);
    this.stale = true;
  }

  subjects(): string[] {
    return [...this.bySubject.keys()].sort();
  }

  get(subject: string): ContractState | undefined {
    return this.bySubject.get(subject);
  }

  /** The active or deprecated contract bound to a topic, if any (a disabled one accepts nothing). */
  forTopic(topic: string): ContractState | undefined {
    return [...this.bySubject.values()].find((state) => state.binding?.topic === topic && state.lifecycle !== 'disabled');
  }

  validate(subject: string, document: unknown): ValidationResult {
    const state = this.bySubject.get(subject);
    if (!state) return { valid: false, violations: [{ instancePath: '', keyword: 'contract', message: `no contract is registered under subject "${subject}"` }] };
    const id = this.compiled(state);
    return this.validator.validate(id, document);
  }

  /** Compiles every contract's validator now, so the first records of a type do not wait for it. */
  compileAll(): void {
    for (const state of this.bySubject.values()) this.compiled(state);
  }

  private compiled(state: ContractState): string {
    if (this.stale) {
      this.validator = new ContractValidator();
      this.stale = false;
    }
    const id = `urn:nx-hub:registry:${state.subject}:${state.version}`;
    if (!this.validator.has(id)) this.validator.add({ ...state.schema, $id: id });
    return id;
  }
}
