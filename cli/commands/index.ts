import type { Command } from 'commander';
import { register as dev } from './dev';
import { register as simulator } from './simulator';
import { register as sync } from './sync';
import { register as understand } from './understand';

/** Every CLI command registers itself here. */
export const commands: Array<(program: Command) => void> = [dev, sync, simulator, understand];
