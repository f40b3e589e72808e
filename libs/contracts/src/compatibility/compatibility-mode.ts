/** The compatibility modes of the Confluent Schema Registry, with the same meaning. */
export const COMPATIBILITY_MODES = ['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE'] as const;
export type CompatibilityMode = (typeof COMPATIBILITY_MODES)[number];

export const isCompatibilityMode = (value: unknown): value is CompatibilityMode => (COMPATIBILITY_MODES as readonly unknown[]).includes(value);

/** Which directions a mode guards, and against which earlier versions. */
export function modeRules(mode: CompatibilityMode): { backward: boolean; forward: boolean; transitive: boolean } {
  return {
    backward: mode.startsWith('BACKWARD') || mode.startsWith('FULL'),
    forward: mode.startsWith('FORWARD') || mode.startsWith('FULL'),
    transitive: mode.endsWith('_TRANSITIVE'),
  };
}
