/**
 * Parses the plugin configuration on every call (sdk 5.4.3 applies no
 * defaults) and turns a failure into one clear sentence naming the field.
 */
import { configurationSchema, type Configuration } from './schema';

export class ConfigurationError extends Error {
  readonly name = 'ConfigurationError';
}

export function parseConfiguration(raw: unknown): Configuration {
  const parsed = configurationSchema.safeParse(raw ?? {});
  if (parsed.success) {
    const c = parsed.data;
    if (c.provider.kind === 'nailit' && !c.provider.baseUrl) {
      throw new ConfigurationError('bookwell configuration: provider.baseUrl is required when provider.kind is "nailit"');
    }
    return c;
  }
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new ConfigurationError(`bookwell configuration: ${problems.join('; ')}`);
}
