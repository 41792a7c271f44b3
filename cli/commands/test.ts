/** `bookwell test`: the scenario suite through the real plugin, run by vitest (see harness/runner/cli.ts). */
import { registerTestCommand } from '../../harness/runner/cli';

export const register = registerTestCommand;
