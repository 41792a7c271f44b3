import type { Command } from 'commander';
import { register as dev } from './dev';
import { register as simulator } from './simulator';
import { register as sync } from './sync';
import { register as test } from './test';
import { register as understand } from './understand';
import { register as whatsapp } from './whatsapp';

/** Every CLI command registers itself here. */
export const commands: Array<(program: Command) => void> = [dev, sync, simulator, understand, test, whatsapp];
