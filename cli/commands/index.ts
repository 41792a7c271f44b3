import type { Command } from 'commander';

type CommandModule = { register(program: Command): void };

/**
 * Every CLI command, by name, loaded only when it is the one that runs (or
 * for the help): `bookwell dev` does not load the harness or WhatsApp Web.
 */
export const commands: Record<string, () => Promise<CommandModule>> = {
  dev: () => import('./dev'),
  sync: () => import('./sync'),
  simulator: () => import('./simulator'),
  understand: () => import('./understand'),
  test: () => import('./test'),
  whatsapp: () => import('./whatsapp'),
};
