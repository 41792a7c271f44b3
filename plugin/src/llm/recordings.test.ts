import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { describe, expect, test } from 'vitest';
import { startLlmReplay } from '../../../harness/target/llm-replay';
import { createChatModel } from './client';
import { lineDiff, normaliseRequest, requestKey, writeRecordings } from './recordings';

const request = (user: string) => ({ model: 'm', temperature: 0, messages: [{ role: 'system', content: 'Rules.\nOwner: be kind.' }, { role: 'user', content: user }], tools: [{ type: 'function', function: { name: 'extract', parameters: {} } }] });

describe('recorded LLM answers', () => {
  test('the key is the prompt and the tool, not the model name or sampling settings', () => {
    const a = normaliseRequest(request('hi'));
    const b = normaliseRequest({ ...request('hi'), model: 'other', temperature: 1 });
    expect(requestKey(a)).toBe(requestKey(b));
    expect(requestKey(a)).not.toBe(requestKey(normaliseRequest(request('hello'))));
  });

  test('a line diff shows what changed, with a line of context', () => {
    expect(lineDiff(['a', 'b', 'c', 'd', 'e'], ['a', 'b', 'x', 'd', 'e'])).toEqual(['  b', '- c', '+ x', '  d']);
  });

  test('replay answers a recorded request through the real client; an unrecorded one is an error for the plugin and a prompt diff for the scenario', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bookwell-rec-')), 'x.llm.json');
    const recorded = { messages: [{ role: 'system', content: 'Rules.\nOwner: be kind.' }, { role: 'user', content: 'hi' }], tools: [] };
    writeRecordings(path, { recordings: [{ key: requestKey(recorded), scenario: 's', request: recorded, reply: { content: 'recorded hello' } }] });
    const replay = await startLlmReplay({ path, scenario: 's' });
    try {
      const model = createChatModel({ baseUrl: replay.url, model: 'any', apiKey: 'k', timeoutMs: 2000 });
      const out = await model.invoke([new SystemMessage('Rules.\nOwner: be kind.'), new HumanMessage('hi')]);
      expect(out.content).toBe('recorded hello');
      expect(replay.takeMisses()).toEqual([]);
      await expect(model.invoke([new SystemMessage('Rules.\nOwner: be rude.'), new HumanMessage('hi')])).rejects.toThrow(/400/);
      const [miss] = replay.takeMisses();
      expect(miss).toMatch(/matches no recording in .*x\.llm\.json[^]*- Owner: be kind\.\n\+ Owner: be rude\./);
    } finally {
      await replay.close();
    }
  });
});
