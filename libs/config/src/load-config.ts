import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ConfigError, type ConfigProblem } from './config-error.js';
import { HubEnvironment } from './hub-environment.js';

type Environment = Record<string, string | undefined>;

/** Settings whose value must not be echoed in an error message (it would land in a log). */
const SECRET_SETTING = /KEY|SECRET|PASSWORD|TOKEN/;
const shown = (variable: string, value: string | undefined) => (SECRET_SETTING.test(variable) && value !== undefined ? '(value hidden)' : `(got ${JSON.stringify(value ?? null)})`);

/**
 * Reads and validates the environment into a typed settings object: a service's (a HubEnvironment,
 * with what production requires) or a tool's (the `hub` command's CliEnvironment).
 * Empty strings count as unset, so `FOO= npm start` falls back to the default.
 * @throws ConfigError naming each invalid or missing variable.
 */
export function loadConfig<T extends object>(settingsClass: ClassConstructor<T>, env: Environment = process.env): T {
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const settings = plainToInstance(settingsClass, given, {
    excludeExtraneousValues: true,
    exposeDefaultValues: true,
  });
  const problems: ConfigProblem[] = validateSync(settings).map((error) => ({
    variable: error.property,
    reasons: Object.values(error.constraints ?? {}).map((reason) => `${reason} ${shown(error.property, given[error.property])}`),
  }));
  if (settings instanceof HubEnvironment && settings.NODE_ENV === 'production') {
    for (const variable of (settings.constructor as typeof HubEnvironment).requiredInProduction) {
      if (given[variable] === undefined) problems.push({ variable, reasons: ['must be set when NODE_ENV=production'] });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return settings;
}
