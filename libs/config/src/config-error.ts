import { ErrorCode, HubError } from '@hub/errors';

export interface ConfigProblem {
  variable: string;
  reasons: string[];
}

/** Raised at start when the environment is invalid; its message names every bad variable. */
export class ConfigError extends HubError {
  readonly problems: ConfigProblem[];

  constructor(problems: ConfigProblem[]) {
    const lines = problems.map((p) => `  ${p.variable}: ${p.reasons.join('; ')}`);
    super(ErrorCode.ConfigInvalid, `Invalid configuration:\n${lines.join('\n')}`, {
      context: { variables: problems.map((p) => p.variable) },
    });
    this.problems = problems;
  }
}
