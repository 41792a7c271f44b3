/** Helpers for the runner's own tests: in-memory scenario files and a base scenario for the fake bot. */
import { loadScenarioFile, type LoadedFile, type LoadedScenario } from '../load';

export const DIR = '/virtual/scenarios';

/** Loads `files[main]`, resolving includes from the same in-memory map. */
export function loadVirtual(files: Record<string, string>, main = Object.keys(files)[0]): LoadedFile {
  const abs = (name: string) => `${DIR}/${name}`;
  const read = (path: string) => {
    const name = path.startsWith(DIR + '/') ? path.slice(DIR.length + 1) : path;
    if (!(name in files)) throw new Error(`ENOENT: ${path}`);
    return files[name];
  };
  return loadScenarioFile(abs(main), files[main], read);
}

export function loadOne(source: string, extra: Record<string, string> = {}): LoadedScenario {
  const loaded = loadVirtual({ 'main.scenario.yaml': source, ...extra });
  if (loaded.errors.length) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
  return loaded.scenarios[0];
}

export const GIVEN = `given:
  catalog: kuwait-spa
  now: 2026-03-01T09:00:00+03:00
  customer: { phone: "+96599887766", language: en }
`;

/** A scenario the fake bot passes: `chat`/`tail` are appended YAML. */
export function scenario(chat: string, tail = '', name = 'Booking with the fake bot'): string {
  return `scenario: ${name}\ntags: [fake]\n${GIVEN}chat:\n${chat}${tail}`;
}

export const HAPPY_CHAT = `  - user: gel manicure at Avenues tomorrow at 5pm
    bot: { asks: staff, says: [Gel Manicure, The Avenues] }
  - user: anyone is fine
    bot: { asks: name }
  - user: Fatima Ali
    bot: { asks: email }
  - user: fatima@example.com
    bot: { asks: confirm, says: "/shall i book/i" }
  - user: yes
    bot: { paymentLink: true, asks: null }
`;
