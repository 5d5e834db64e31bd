/** book.yaml text as the config loader reads it: the resolved config, or the error it gives. */
import { parseYaml, resolveConfig } from '../../src/config/load.ts';
import { GalleyError } from '../../src/errors.ts';

export function configFrom(yaml: string, overrides: Record<string, unknown> = {}) {
  return resolveConfig(parseYaml({ file: 'book.yaml', text: yaml }), overrides, 'book.yaml');
}

/** The GalleyError the config gives (the test fails when it gives none). */
export function errorFrom(yaml: string, overrides: Record<string, unknown> = {}): GalleyError {
  try {
    configFrom(yaml, overrides);
  } catch (error) {
    if (error instanceof GalleyError) return error;
    throw error;
  }
  throw new Error('expected a GalleyError');
}
