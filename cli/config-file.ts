/**
 * `--config <file.json>`: a plugin configuration file in the studio's shape
 * (docs/configuration.md), for trying template and prompt edits locally.
 * What `bookwell dev` and `bookwell whatsapp` take from it: everything but
 * `business` and the provider's address, which come from the environment
 * (BOOKWELL_BUSINESS, BOOKWELL_PROVIDER_URL, the built-in simulator) so the
 * sync and the bot agree; BOOKWELL_LLM_* override its `llm` section. A missing file is an empty configuration; the
 * owner console creates it when it saves the first edited message.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ConfigurationError, parseConfiguration } from '../plugin/src/config/parse';
import type { ConfigurationInput } from '../plugin/src/config/schema';
import type { TemplateOverrides } from '../plugin/src/conversation/templates';

export interface ConfigFileOption {
  config?: string;
}

export function addConfigOption(command: Command): Command {
  return command.option('--config <file.json>', 'plugin configuration file (studio shape): templates, booking, handoff, synonyms…; the owner console saves edited messages to it');
}

/** The file's configuration as written (an object), or {} when there is no such file. */
export function readConfigFile(path: string): Record<string, unknown> {
  if (!existsSync(path)) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigurationError(`${path}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new ConfigurationError(`${path}: must hold one JSON object, the plugin configuration`);
  return json as Record<string, unknown>;
}

/** The file's settings over what the environment decides; checked with the plugin's own schema, errors naming the file and the field. */
export function localConfiguration(path: string | undefined, fromEnv: ConfigurationInput): ConfigurationInput {
  const file = path ? readConfigFile(path) : {};
  const provider = { ...(file.provider as object | undefined), ...fromEnv.provider };
  const configuration = { ...file, business: fromEnv.business, provider } as ConfigurationInput;
  if (fromEnv.llm) {
    const fileLlm = (file.llm ?? {}) as { mode?: string };
    // an endpoint set in the environment with no mode anywhere: the owner wants it used
    const mode = fromEnv.llm.mode ?? fileLlm.mode ?? (fromEnv.llm.baseUrl ? 'fallback' : undefined);
    configuration.llm = { ...fileLlm, ...fromEnv.llm, ...(mode ? { mode } : {}) } as ConfigurationInput['llm'];
  }
  try {
    parseConfiguration(configuration);
  } catch (err) {
    if (err instanceof ConfigurationError && path) throw new ConfigurationError(`${path}: ${err.message}`);
    throw err;
  }
  return configuration;
}

/** Writes `templates` into the file, keeping everything else in it; atomic (a crash leaves the old file or the new one). */
export function saveTemplates(path: string, templates: TemplateOverrides): void {
  const file = readConfigFile(path);
  const next = { ...file, templates };
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`);
  renameSync(tmp, path);
}
