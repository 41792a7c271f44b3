/**
 * Orders the simulator has taken, plus "phantom" bookings made by fault
 * injection (someone else took the slot). Order ids come from a counter so that
 * a run is reproducible.
 */
import type { ProviderOrder } from '../port';
import type { Interval } from './availability';

export interface SimOrder extends ProviderOrder {
  customer: { name: string; phone: string; email: string | null };
}

export interface Ledger {
  nextOrderId(): string;
  add(order: SimOrder): void;
  get(q: { orderId: string } | { idempotencyKey: string }): SimOrder | undefined;
  /** Marks the order cancelled (idempotent); undefined when unknown. */
  cancel(orderId: string): SimOrder | undefined;
  /** A booking by another customer, invisible except as busy time. */
  block(staffId: string, interval: Interval): void;
  /** Busy intervals of a staff member: confirmed order items and phantom blocks. */
  busy(staffId: string): Interval[];
  orders(): SimOrder[];
  reset(): void;
}

export function createLedger(): Ledger {
  let orders: SimOrder[] = [];
  let blocks: Array<Interval & { staffId: string }> = [];
  let counter = 0;
  const get: Ledger['get'] = (q) =>
    'orderId' in q ? orders.find((o) => o.orderId === q.orderId) : orders.find((o) => o.idempotencyKey === q.idempotencyKey);
  return {
    nextOrderId: () => `NI-${String(++counter).padStart(6, '0')}`,
    add: (order) => void orders.push(order),
    get,
    cancel(orderId) {
      const order = get({ orderId });
      if (order) order.status = 'cancelled';
      return order;
    },
    block: (staffId, interval) => void blocks.push({ staffId, ...interval }),
    busy: (staffId) => [
      ...orders
        .filter((o) => o.status === 'confirmed')
        .flatMap((o) => o.items)
        .filter((i) => i.staffId === staffId)
        .map((i) => ({ start: Date.parse(i.start), end: Date.parse(i.end) })),
      ...blocks.filter((b) => b.staffId === staffId),
    ],
    orders: () => orders,
    reset() {
      orders = [];
      blocks = [];
      counter = 0;
    },
  };
}
