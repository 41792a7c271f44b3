/** `bookwell test`: the scenario suite through the real plugin (see harness/). */
import type { Command } from 'commander';
import { registerTestCommand } from '../../harness/runner/cli';
import { createTarget } from '../../harness/target';

export const register = (program: Command) => registerTestCommand(program, createTarget);
