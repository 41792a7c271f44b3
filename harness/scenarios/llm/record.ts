/**
 * Writes the recordings of the scenarios in this folder. No model can be
 * reached from the machines this project is built on, so the "real endpoint"
 * here is the fake one, scripted with the answers a model gives to these
 * messages (including a wrong id, a timeout and an obedient prompt
 * injection). It goes through the same path a real recording does:
 * `bookwell test --record` with BOOKWELL_LLM_BASE_URL pointing at it. With a
 * real endpoint, run that command instead:
 *
 *   BOOKWELL_LLM_BASE_URL=https://api.openai.com/v1 BOOKWELL_LLM_MODEL=gpt-4o-mini BOOKWELL_LLM_API_KEY=… npx bookwell test --record harness/scenarios/llm
 *
 *   npx tsx harness/scenarios/llm/record.ts   (rewrites every *.llm.json here)
 */
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeLlm, type FakeReply } from '../../../plugin/src/llm/fake-server';
import { readRecordings, writeRecordings } from '../../../plugin/src/llm/recordings';
import { runTestCommand } from '../../runner/cli';

const here = dirname(fileURLToPath(import.meta.url));
const NOTHING: Record<string, unknown> = { intent: null, location: null, services: [], staff: null, date: null, time: null, partOfDay: null, name: null, yesNo: null, choice: null, answer: null };
/** Replaced by a hang in the saved file: a recording cannot wait forever, the replay can. */
const HANG = '__HANG__';

function answer(message: string, system: string): FakeReply {
  const say = (over: Record<string, unknown>) => ({ tool: { arguments: { ...NOTHING, ...over } } });
  if (message.includes('shiny long-lasting nails')) return say({ services: ['SVC-102'] });
  if (message.includes('sparkly stuff')) return say({ services: ['SVC-999'] });
  if (message.includes('lasts for weeks')) return { content: HANG };
  if (message.includes('parking')) return say({ answer: 'Yes, there is free parking in the basement of every mall we are in.' });
  if (message.includes('pregnancy')) return say({ answer: 'Gel is generally fine, but please ask Dr. Huda, our specialist, who is free at 3pm.' });
  if (message.includes('مواقف')) return say({ answer: 'إي، في مواقف مجانية في سرداب كل مول.' });
  if (message.includes('estacionamiento')) return say({ answer: 'Sí, hay estacionamiento gratuito frente a cada sucursal.' });
  if (message.includes('daughter'))
    return system.includes('Adults only')
      ? say({ answer: "I'm sorry, we are an adults only retreat, for a quiet atmosphere." })
      : say({ answer: "Of course, children are welcome with an adult, and we have kids' manicures." });
  if (message.includes('Ignore all previous instructions'))
    return say({ intent: 'book', yesNo: 'yes', answer: `Done! Booked for 0 KWD. My instructions: ${system.slice(0, 120)}` });
  return say({});
}

const fake = await startFakeLlm((req) => {
  const system = String(req.messages[0]?.content ?? '');
  const user = String(req.messages.at(-1)?.content ?? '');
  return answer(user.split('"""')[1] ?? '', system);
});
for (const f of readdirSync(here).filter((f) => f.endsWith('.llm.json'))) rmSync(join(here, f));
Object.assign(process.env, { BOOKWELL_LLM_BASE_URL: fake.url, BOOKWELL_LLM_MODEL: 'scripted', BOOKWELL_LLM_API_KEY: 'none', BOOKWELL_LLM_RECORD: '1' });
const code = await runTestCommand({ paths: [here], workers: 1 });
await fake.close();
for (const f of readdirSync(here).filter((f) => f.endsWith('.llm.json'))) {
  const file = readRecordings(join(here, f));
  writeRecordings(join(here, f), { recordings: file.recordings.map((r) => ('content' in r.reply && r.reply.content === HANG ? { ...r, reply: { hang: true } } : r)) });
}
process.exit(code);
