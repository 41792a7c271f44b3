/**
 * The admin page (owner console) for CLI commands that run the bot: the
 * `--admin-port`, `--no-admin` and `--admin-token` options, its ports for the
 * local bot, and starting it so that a problem with it (most often: the port
 * is taken) is one clear line on stderr and the command goes on without it —
 * the chat matters more than the page.
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { AdminPorts, AdminServer } from '../plugin/src/admin';
import { createBookingService } from '../plugin/src/booking';
import { parseConfiguration } from '../plugin/src/config/parse';
import { llmUsageSource } from '../plugin/src/llm/calls';
import { llmSettings } from '../plugin/src/llm/settings';
import type { ConfigurationInput } from '../plugin/src/config/schema';
import type { TemplateOverrides } from '../plugin/src/conversation/templates';
import { chatOf } from '../plugin/src/host/inspect';
import type { Local } from '../plugin/src/host/local';
import { saveTemplates } from './config-file';
import type { Runtime } from './runtime';

export const DEFAULT_ADMIN_PORT = 4400;

export interface AdminCliOptions {
  /** false with --no-admin. */
  admin: boolean;
  adminPort: number;
  adminToken?: string;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port number from 0 to 65535 (0: any free port)');
  return n;
}

export function addAdminOptions(command: Command): Command {
  return command
    .option('--admin-port <n>', 'port of the admin page on 127.0.0.1 (sync status, errors, bookings)', parsePort, DEFAULT_ADMIN_PORT)
    .option('--no-admin', 'do not serve the admin page')
    .option('--admin-token <token>', 'require this token on the admin page (?token= or Authorization: Bearer)', process.env.BOOKWELL_ADMIN_TOKEN || undefined);
}

/** Starts the page, or says why not and returns null. */
export async function openAdminPage(opts: AdminCliOptions, ports: AdminPorts, log: (line: string) => void): Promise<AdminServer | null> {
  if (!opts.admin) return null;
  try {
    // loaded here, not with the command: a command started with --no-admin never loads the page
    const { startAdminServer } = await import('../plugin/src/admin');
    const admin = await startAdminServer({ ...ports, port: opts.adminPort, token: opts.adminToken });
    log(`admin page: ${admin.url}${opts.adminToken ? ' (add ?token=<your admin token>)' : ''}`);
    return admin;
  } catch (err) {
    const code = (err as { code?: string }).code;
    log(
      code === 'EADDRINUSE'
        ? `admin page: port ${opts.adminPort} is in use, going on without it (--admin-port <n> picks another, --no-admin turns it off)`
        : `admin page: not started (${err instanceof Error ? err.message : String(err)}), going on without it`,
    );
    return null;
  }
}

export interface LocalConsole {
  ports: AdminPorts;
  /** Once the local host runs: replies go out through its outbox, chats are found in its store, message edits reach its bot. */
  attach(local: Local): void;
}

/**
 * The console's ports beside the local bot: the booking service and the sync on this process's provider
 * client, and — once attached — the host's outbox and store. Message edits are saved to `configPath`
 * (when given) and applied to the running bot: the plugin instance reads the configuration object it
 * was initialised with on every call (sdk 5.4.3 keeps the reference), so replacing its templates takes
 * effect from the next message.
 */
export function localConsole(
  rt: Pick<Runtime, 'db' | 'provider' | 'business'>,
  configuration: ConfigurationInput,
  configPath?: string,
  now: () => Date = () => new Date(),
): LocalConsole {
  const config = parseConfiguration(configuration);
  const base = { prisma: rt.db.prisma, businessId: rt.business.id, now };
  let local: Local | null = null;
  const current = () => local?.configuration ?? configuration;
  return {
    ports: {
      ...base,
      booking: createBookingService({ ...base, provider: rt.provider, config: { deadlineMs: config.booking.deadlineMs } }),
      send: async (m) => (local ? local.outbox.deliver(m) : { sent: false }),
      botpressChat: async (id) => (local ? chatOf(local.host.store, id) : null),
      sync: () => ({ ...base, provider: rt.provider, slotDays: config.sync.slotDays }),
      // charted only for a bot with a model: a rules-only bot's page says so instead of drawing zeros
      llmUsage: llmSettings(config) ? llmUsageSource(rt.db.prisma, rt.business.id) : undefined,
      messages: {
        overrides: () => (current().templates ?? {}) as TemplateOverrides,
        file: configPath
          ? {
              path: configPath,
              async save(next) {
                saveTemplates(configPath, next);
                current().templates = next;
              },
            }
          : undefined,
      },
    },
    attach(l) {
      local = l;
    },
  };
}
