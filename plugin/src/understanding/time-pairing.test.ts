import { describe, expect, test } from 'vitest';
import { createRuleExtractor } from './index';
import { fixtureToSnapshot, loadFixture } from '../catalog/fixture';

const now = new Date('2026-03-01T09:00:00+03:00');
const kw = createRuleExtractor(fixtureToSnapshot(loadFixture('kuwait-spa')));
const mx = createRuleExtractor(fixtureToSnapshot(loadFixture('mexico-barber')));

describe('a time per service, clause by clause', () => {
  test('en / ar / es', () => {
    const chosen = { now, currentServices: ['SVC-102', 'SVC-104'] };
    expect(kw('move the pedicure to 5pm, keep the manicure at 3', chosen).timeFor).toEqual([
      { service: 'SVC-104', time: '17:00' },
      { service: 'SVC-102', time: '15:00' },
    ]);
    expect(kw('خلي الباديكير الساعة ٥ العصر والمانيكير خليه الساعة ٣', chosen).timeFor).toEqual([
      { service: 'SVC-104', time: '17:00' },
      { service: 'SVC-102', time: '15:00' },
    ]);
    expect(mx('la barba pásala a las 7 de la noche y el corte déjalo a las 5', { now, currentServices: ['SVC-M1', 'SVC-M2'] }).timeFor).toEqual([
      { service: 'SVC-M2', time: '19:00' },
      { service: 'SVC-M1', time: '17:00' },
    ]);
  });

  test('one service and no basket: no pairs', () => {
    expect(kw('gel manicure at 5pm', { now }).timeFor).toBeUndefined();
  });
});
