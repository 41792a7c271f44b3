import { describe, expect, test } from 'vitest';
import { DIR, GIVEN, loadOne, loadVirtual } from './testing/helpers';

const errorsOf = (files: Record<string, string>) => loadVirtual(files).errors.map((e) => e.message);

describe('loading scenario files', () => {
  test('every step and expectation knows its file:line:col', () => {
    const s = loadOne(`scenario: Positions\n${GIVEN}chat:\n  - user: hi\n    bot:\n      asks: location\n      says: [Hello]\n  - restart: true\nexpect:\n  providerOrders: 0\n  bookings:\n    - { service: Gel }\n`);
    const file = `${DIR}/main.scenario.yaml`;
    expect(s.at).toEqual({ file, line: 1, col: 1 });
    const [first, second] = s.chat;
    expect(first.at).toEqual({ file, line: 7, col: 5 });
    expect(first.kind === 'user' && first.botAt).toMatchObject({ asks: { line: 9, col: 7 }, says: { line: 10, col: 7 } });
    expect(second).toMatchObject({ kind: 'restart', at: { line: 11, col: 5 } });
    expect(s.expectAt).toMatchObject({ providerOrders: { line: 13 }, bookings: { line: 14 }, 'bookings[0]': { line: 15, col: 7 } });
  });

  test('a YAML syntax error names file:line:col', () => {
    const [message] = errorsOf({ 'bad.scenario.yaml': `scenario: Broken\nchat:\n  - user: "unterminated\n` });
    expect(message).toMatch(/^\/virtual\/scenarios\/bad\.scenario\.yaml:\d+:\d+: YAML syntax: /);
  });

  test('a schema violation says what was expected, at the offending node', () => {
    const errors = errorsOf({
      'bad.scenario.yaml': `scenario: Bad\n${GIVEN}chat:\n  - user: hi\n    bot: { asks: colour }\n  - user: hello\n    bot: { sayz: x }\n  - restrat: true\n`,
    });
    expect(errors).toEqual([
      expect.stringMatching(/bad\.scenario\.yaml:8:18: chat\[0\]\.bot\.asks: Invalid option: expected one of "location"\|"services"/),
      expect.stringMatching(/bad\.scenario\.yaml:10:12: chat\[1\]\.bot\.sayz: unknown key "sayz"/),
      expect.stringMatching(/bad\.scenario\.yaml:11:5: chat\[2\]: expected a step with one of the keys user, duplicate, outOfOrder, restart, advanceClock, include, simultaneous/),
    ]);
  });

  test('a step kind that is not the first union branch is explained by its own schema', () => {
    const [message] = errorsOf({ 'x.scenario.yaml': `scenario: Clock\n${GIVEN}chat:\n  - advanceClock: soon\n` });
    expect(message).toMatch(/x\.scenario\.yaml:7:19: chat\[0\]\.advanceClock: a duration like "2h"/);
  });

  test('missing keys and an unquoted phone are explained', () => {
    const errors = errorsOf({ 'x.scenario.yaml': `scenario: Missing\ngiven:\n  catalog: kuwait-spa\n  customer: { phone: +96599887766 }\nchat: []\n` });
    expect(errors).toEqual([
      expect.stringMatching(/x\.scenario\.yaml:2:1: given\.now: missing; Invalid input: expected string/),
      expect.stringMatching(/x\.scenario\.yaml:4:22: given\.customer\.phone: phone must be a quoted string/),
    ]);
  });

  test('one bad document does not stop the others in the file', () => {
    const loaded = loadVirtual({ 'multi.scenario.yaml': `scenario: Good one\n${GIVEN}chat: []\n---\nscenario: Bad one\nchat: []\n---\nscenario: Another good one\n${GIVEN}chat: []\n` });
    expect(loaded.scenarios.map((s) => s.name)).toEqual(['Good one', 'Another good one']);
    expect(loaded.scenarios[1].at.line).toBe(11);
    expect(loaded.errors).toHaveLength(1);
    expect(loaded.errors[0].message).toMatch(/multi\.scenario\.yaml:8:1: given: missing/);
  });

  test('includes expand in place, relative to the including file, with their own positions', () => {
    const s = loadOne(`scenario: With include\n${GIVEN}chat:\n  - user: first\n  - include: shared/start.partial.yaml\n  - user: last\n`, {
      'shared/start.partial.yaml': `# shared start\n- user: from partial\n  bot: { asks: staff }\n- include: ../deeper.partial.yaml\n`,
      'deeper.partial.yaml': `- user: deepest\n`,
    });
    expect(s.chat.map((st) => (st.kind === 'user' ? st.text : st.kind))).toEqual(['first', 'from partial', 'deepest', 'last']);
    expect(s.chat[1].at).toEqual({ file: `${DIR}/shared/start.partial.yaml`, line: 2, col: 3 });
    expect(s.chat[1].kind === 'user' && s.chat[1].botAt.asks).toEqual({ file: `${DIR}/shared/start.partial.yaml`, line: 3, col: 10 });
    expect(s.chat[2].at.file).toBe(`${DIR}/deeper.partial.yaml`);
  });

  test('an include cycle is refused with the chain of files', () => {
    const errors = errorsOf({
      'main.scenario.yaml': `scenario: Cycle\n${GIVEN}chat:\n  - include: a.partial.yaml\n`,
      'a.partial.yaml': `- user: a\n- include: b.partial.yaml\n`,
      'b.partial.yaml': `- include: a.partial.yaml\n`,
    });
    expect(errors).toEqual([expect.stringMatching(/b\.partial\.yaml:1:3: include cycle: .*a\.partial\.yaml → .*b\.partial\.yaml → .*a\.partial\.yaml$/)]);
  });

  test('a missing include and a bad partial are located', () => {
    expect(errorsOf({ 'main.scenario.yaml': `scenario: Missing include\n${GIVEN}chat:\n  - include: nope.partial.yaml\n` })).toEqual([
      expect.stringMatching(/main\.scenario\.yaml:7:5: include: no such file .*nope\.partial\.yaml/),
    ]);
    expect(errorsOf({ 'main.scenario.yaml': `scenario: Bad partial\n${GIVEN}chat:\n  - include: p.partial.yaml\n`, 'p.partial.yaml': `- user: ok\n- usr: typo\n` })).toEqual([
      expect.stringMatching(/p\.partial\.yaml:2:3: \[1\]: expected a step with one of the keys/),
    ]);
  });

  test('several customers: steps name them, unknown ones are refused', () => {
    const src = (who: string) =>
      `scenario: Two\ngiven: { catalog: kuwait-spa, now: "2026-03-01T09:00:00+03:00" }\ncustomers:\n  amal: { phone: "+96599887766" }\n  noura: { phone: "+96555512345", language: ar }\nchat:\n  - { user: hi }\n  - { customer: ${who}, user: hala }\n`;
    const s = loadOne(src('noura'));
    expect(s.mainCustomer).toBe('amal');
    expect(s.chat.map((st) => st.kind === 'user' && st.customer)).toEqual(['amal', 'noura']);
    expect(errorsOf({ 'x.scenario.yaml': src('sara') })).toEqual([expect.stringMatching(/x\.scenario\.yaml:8:17: customer: expected one of amal, noura, got "sara"/)]);
  });

  test('duplicate scenario names in one file are refused', () => {
    expect(errorsOf({ 'x.scenario.yaml': `scenario: Same\n${GIVEN}chat: []\n---\nscenario: Same\n${GIVEN}chat: []\n` })).toEqual([expect.stringMatching(/x\.scenario\.yaml:8:1: scenario "Same" appears twice/)]);
  });

  test('an empty or comment-only file is an error, not "0 passed"', () => {
    for (const source of ['', '\n\n', '# just a comment\n# and another\n', '---\n', '# comment\n---\n# more\n']) {
      expect(errorsOf({ 'empty.scenario.yaml': source }), JSON.stringify(source)).toEqual([expect.stringMatching(/empty\.scenario\.yaml:1:1: no scenario in this file/)]);
    }
  });

  test('an unknown catalog is reported at the catalog: value', () => {
    const given = GIVEN.replace('catalog: kuwait-spa', 'catalog: paris-salon');
    expect(errorsOf({ 'x.scenario.yaml': `scenario: Unknown catalog\n${given}chat: []\n` })).toEqual([
      expect.stringMatching(/x\.scenario\.yaml:3:12: given\.catalog: no catalog "paris-salon": expected one of kuwait-spa, mexico-barber/),
    ]);
  });

  test('names of locations, services and staff are checked against the catalog where they are written', () => {
    const errors = errorsOf({
      'x.scenario.yaml': `scenario: Names\n${GIVEN}  existingBookings:\n    - { service: Gel Manicur, location: The Avenues, staff: Sarah, start: "2026-03-02T17:00" }\n  faults:\n    - { endpoint: GetItemsByDate, kind: slot_taken, slot: { staff: Sar, start: "2026-03-02T17:00" } }\nchat: []\nexpect:\n  bookings:\n    - { service: Gel Manicure, location: Salmiya Branch, customer: amal }\n`,
    });
    expect(errors).toEqual([
      expect.stringMatching(/x\.scenario\.yaml:7:61: given\.existingBookings\.0\.staff: no staff "Sarah" in kuwait-spa \(known: .*Sara/),
      expect.stringMatching(/x\.scenario\.yaml:9:68: given\.faults\.0\.slot\.staff: no staff member "Sar" in kuwait-spa/),
      expect.stringMatching(/x\.scenario\.yaml:13:42: expect\.bookings\.0\.location: no location "Salmiya Branch" in kuwait-spa \(known: The Avenues/),
      expect.stringMatching(/x\.scenario\.yaml:13:68: expect\.bookings\.0\.customer: expected a customer \(main\) or a phone/),
    ]);
    // a part of a name is how the harness finds it, so it is fine
    expect(errorsOf({ 'x.scenario.yaml': `scenario: Part\n${GIVEN}  existingBookings:\n    - { service: gel mani, location: avenues, start: "2026-03-02T17:00" }\nchat: []\n` })).toEqual([]);
  });

  test('configuration overrides are parsed as the plugin parses them, each problem at its field', () => {
    const errors = errorsOf({
      'x.scenario.yaml': `scenario: Config\n${GIVEN}  config:\n    booking: { requireEmails: false }\n    templates:\n      en: { greeting: "Hi {buisness}" }\n    business: { timezone: Mars/Olympus }\nchat: []\n`,
    });
    expect(errors).toEqual([
      expect.stringMatching(/x\.scenario\.yaml:10:27: given\.config\.business\.timezone: "Mars\/Olympus" is not an IANA time zone/),
      expect.stringMatching(/x\.scenario\.yaml:9:23: given\.config\.templates\.en\.greeting: unknown placeholder \{buisness\}/),
      expect.stringMatching(/x\.scenario\.yaml:7:16: given\.config\.booking\.requireEmails: unknown field/),
    ]);
  });

  test('two customers with one phone are refused (they would share one chat)', () => {
    const src = `scenario: Same phone\ngiven: { catalog: kuwait-spa, now: "2026-03-01T09:00:00+03:00" }\ncustomers:\n  amal: { phone: "+96599887766" }\n  noura: { phone: "+96599887766" }\nchat: []\n`;
    expect(errorsOf({ 'x.scenario.yaml': src })).toEqual([expect.stringMatching(/x\.scenario\.yaml:5:19: noura: the same phone \+96599887766 as amal/)]);
  });
});

