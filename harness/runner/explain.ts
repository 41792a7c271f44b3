/** Turns zod issues into one `path: what was expected there` line each, pointing at the right YAML node. */
import type { z } from 'zod';
import { formatPath, type YamlPath } from './positions';
import { STEP_KINDS } from './schema';

/** Same order as the union in schema.ts. */
const STEP_KEYS = Object.keys(STEP_KINDS);

export interface Explained {
  path: YamlPath;
  message: string;
  /** Point at the key (an unknown key), not its value. */
  atKey?: boolean;
}

export function explainIssues(issues: readonly z.core.$ZodIssue[], input: unknown, base: YamlPath = []): Explained[] {
  return issues.flatMap((issue) => explainIssue(issue, input, base));
}

function explainIssue(issue: z.core.$ZodIssue, input: unknown, base: YamlPath): Explained[] {
  const path = [...base, ...(issue.path as Array<string | number>)];
  if (issue.code === 'invalid_union') return explainStep(issue, valueAt(input, path), path, input);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: [...path, key], atKey: true, message: `${formatPath([...path, key])}: unknown key "${key}"` }));
  }
  const value = valueAt(input, path);
  const what = value === undefined && issue.code === 'invalid_type' ? `missing; ${issue.message}` : issue.message;
  return [{ path, message: `${formatPath(path) || '(top)'}: ${what}` }];
}

/** A chat step is a union; explain it by the branch its key names, not by every branch. */
function explainStep(issue: z.core.$ZodIssueInvalidUnion, value: unknown, path: YamlPath, input: unknown): Explained[] {
  const keys = value && typeof value === 'object' ? Object.keys(value) : [];
  const branch = STEP_KEYS.findIndex((k) => keys.includes(k));
  if (branch < 0 || !issue.errors[branch]) {
    return [{ path, message: `${formatPath(path)}: expected a step with one of the keys ${STEP_KEYS.join(', ')}` }];
  }
  return explainIssues(issue.errors[branch], input, path);
}

function valueAt(input: unknown, path: YamlPath): unknown {
  let v: unknown = input;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}
