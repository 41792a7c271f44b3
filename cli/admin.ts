/**
 * The admin page for CLI commands that run the bot: the `--admin-port`,
 * `--no-admin` and `--admin-token` options, and starting the page so that a
 * problem with it (most often: the port is taken) is one clear line on stderr
 * and the command goes on without it — the chat matters more than the page.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { startAdminServer, type AdminPorts, type AdminServer } from '../plugin/src/admin';

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
