/**
 * Apply one Extraction to the state. Everything is validated against the
 * catalog here: a service must be offered at the location, staff must do the
 * service there, a time must be free. Corrections change only their slot and
 * clear what depends on it.
 */
import { DateTime } from 'luxon';
import type { CatalogQueries } from '../catalog/ports';
import type { CatalogSnapshot, CatalogStaff } from '../catalog/types';
import type { Extraction } from '../understanding/types';
import { canPerform, checkDay, isFree, locationZone, nextFreeDay } from '../catalog/availability';
import { cloneState, type ConversationState, type ServiceItem, type SlotName } from './state';
import { itemStarts } from './summary';

/** Something the customer should be told before the next question. */
export type Note =
  | { kind: 'time_unavailable'; date: string; time: string; alternatives: string[] }
  | { kind: 'time_past'; date: string; time: string }
  /** The branch does not open that day; `alternatives` are the times of the next day with free times. */
  | { kind: 'location_closed'; locationId: string; date: string; alternatives: string[] }
  /** Staff chosen by name are not there that day (`off` by their working week); `others` could take it then. */
  | { kind: 'staff_away'; date: string; away: Array<{ staffId: string; off: boolean }>; others: string[]; alternatives: string[] }
  /** The day has no free time for the services (`nobody`: services no one who does them works that day). */
  | { kind: 'day_full'; date: string; nobody: string[]; alternatives: string[] }
  | { kind: 'service_not_at_location'; serviceIds: string[]; locationId: string }
  | { kind: 'services_dropped'; serviceIds: string[]; locationId: string }
  | { kind: 'staff_not_at_location'; staffId: string; locationId: string }
  | { kind: 'staff_cannot_do'; staffId: string; serviceIds: string[] }
  /** The chosen services changed: what came in and what went, said back so nothing goes silently. */
  | { kind: 'services_changed'; added: string[]; removed: string[] }
  /** Services given times of their own (`changed`), and those named at the time they already had (`kept`). */
  | { kind: 'service_times'; date: string; changed: Array<{ serviceId: string; time: string }>; kept: Array<{ serviceId: string; time: string }> }
  /** A service's own time that is not free: the booking's times stay as they were. */
  | { kind: 'service_time_unavailable'; date: string; serviceId: string; time: string }
  /** The customer has no email: the booking goes on without one. */
  | { kind: 'no_email' };

export interface UpdateContext {
  snapshot: CatalogSnapshot;
  catalog: CatalogQueries;
  now: Date;
  /** The customer's words, to tell "also a pedicure" from "a pedicure instead". */
  text: string;
  /**
   * What "same day" / "same time" refer to: the booking being moved; without it, the current choice. Never
   * today: a "same" with nothing to refer to leaves its part unchosen.
   */
  sameAs?: { date: string | null; time: string | null };
}

export interface UpdateResult {
  state: ConversationState;
  notes: Note[];
  /** Slots cleared because something they depend on changed; asking them again is legitimate. */
  invalidated: SlotName[];
}

/** How many alternatives a refused time gets. */
export const ALTERNATIVES = 3;

/** "also a pedicure" adds; "a pedicure" alone replaces. (\b is ASCII-only, so Arabic gets its own pattern.) */
const ADDITION = [
  /^\s*(and|plus|y)\b/i,
  /\b(also|too|as well|another|add|plus|también|tambien|además|ademas|agrega|añade|otro|otra)(?![\p{L}])/iu,
  /^\s*و|كمان|أيضا|أيضاً|ايضا|اضافة|إضافة|زيادة/,
];

const NAME_OK = /\p{L}/u;
const PHONE_OK = /^\+[1-9]\d{7,14}$/;
const EMAIL_OK = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** A number picked from the offered list becomes the value it stands for. */
function resolveChoice(state: ConversationState, x: Extraction): Extraction {
  const offer = state.offered;
  if (!offer || x.choice === null) return x;
  const value = offer.options[x.choice - 1];
  if (value === undefined) return x;
  switch (offer.slot) {
    case 'location':
      return { ...x, location: value };
    case 'services':
      return { ...x, services: [value] };
    case 'staff':
      return { ...x, staff: value };
    case 'time':
      return { ...x, date: value.slice(0, 10), time: value.slice(11) };
    default:
      return x;
  }
}

export async function applyExtraction(prev: ConversationState, extraction: Extraction, ctx: UpdateContext): Promise<UpdateResult> {
  const x = resolveChoice(prev, extraction);
  const state = cloneState(prev);
  state.offered = null;
  const s = state.slots;
  const { snapshot } = ctx;
  const notes: Note[] = [];
  const invalidated = new Set<SlotName>();
  const timeBefore = s.time;
  let checkTime = false;

  const clearTime = () => {
    if (s.time !== null) invalidated.add('time');
    s.time = null;
  };

  // Location; a named staff member implies hers when none is chosen yet.
  const staffPerson = x.staff && x.staff !== 'any' ? snapshot.staff.find((p) => p.id === x.staff) : undefined;
  const locationId = x.location ?? (s.location === null ? staffPerson?.locationId ?? null : null);
  if (locationId && locationId !== s.location && snapshot.locations.some((l) => l.id === locationId)) {
    const correction = s.location !== null;
    s.location = locationId;
    const dropped = s.services.filter((i) => !offeredAt(snapshot, i.serviceId, locationId));
    if (dropped.length) {
      notes.push({ kind: 'services_dropped', serviceIds: dropped.map((i) => i.serviceId), locationId });
      s.services = s.services.filter((i) => !dropped.includes(i));
      invalidated.add('services');
    }
    if (correction) {
      s.services = s.services.map((i) => ({ ...i, staffId: null }));
      state.pendingStaff = null;
      invalidated.add('staff');
      clearTime();
    }
    checkTime = true;
  }

  // Services: an edit of the chosen ones (add, replace, remove), or the services wanted.
  if (x.services.length || x.removeServices.length) {
    const known = [...new Set(x.services)].filter((id) => snapshot.services.some((sv) => sv.id === id));
    const here = s.location ? known.filter((id) => offeredAt(snapshot, id, s.location!)) : known;
    const refused = known.filter((id) => !here.includes(id));
    if (refused.length && s.location) notes.push({ kind: 'service_not_at_location', serviceIds: refused, locationId: s.location });
    const current = s.services.map((i) => i.serviceId);
    const next = editedServices(current, here, x, ctx.text, snapshot);
    if (next && next.join() !== current.join()) {
      const keep = (id: string): ServiceItem => s.services.find((i) => i.serviceId === id) ?? { serviceId: id, staffId: null };
      s.services = next.map(keep);
      checkTime = true;
      const added = next.filter((id) => !current.includes(id));
      const removed = current.filter((id) => !next.includes(id));
      // every change to a basket is said back; a booking's first services need no note
      if (current.length && (added.length || removed.length)) notes.push({ kind: 'services_changed', added, removed });
      if (current.length && (x.serviceEdit === null || !next.some((id) => current.includes(id)))) {
        // the booking's services all changed ("a haircut instead"): staff and time belonged to them
        invalidated.add('staff');
        clearTime();
      }
    }
    if (here.length && state.pendingStaff && !x.staff) chooseStaff(state, snapshot, state.pendingStaff, notes);
  }

  // Staff: one answer covers every service she does; the rest go to "anyone" so staff is asked once.
  const perService = x.staffFor.length && s.services.length ? chooseStaffPerService(state, snapshot, x.staffFor, notes) : null;
  if (perService?.changed) checkTime = true;
  // no pair fitted the chosen services: the first name named goes by the one-name rule
  else if (x.staff && !perService?.applied) {
    if (chooseStaff(state, snapshot, x.staff, notes)) checkTime = true;
  }

  // Date and time, in the location's clock; "same day" / "same time" take the reference's.
  const ref = ctx.sameAs ?? { date: s.date, time: s.time ?? state.wantedTime };
  const sameDate = x.date === null && x.same.includes('date') ? ref.date : null;
  const sameTime = x.time === null && x.same.includes('time') ? ref.time : null;
  const wantsDate = x.date ?? sameDate;
  const wantsTime = x.time ?? sameTime;
  let retried: string | null = null;
  if (wantsDate) state.wantedDate = null;
  else if (!wantsTime && !s.date && state.wantedDate && checkTime) {
    // a day refused for the branch, the services or the person ("Sara is off on Fridays"), tried again now they changed
    s.date = retried = state.wantedDate;
    state.wantedDate = null;
  }
  if (x.same.includes('date') && !wantsDate && !s.date) {
    // "same day at 6" with no day to refer to: keep the hour, ask for the day (never today by default)
    if (wantsTime) state.wantedTime = wantsTime;
  } else if (wantsDate || wantsTime) {
    const zone = locationZone(snapshot, s.location);
    const now = DateTime.fromJSDate(ctx.now, { zone });
    const today = now.toFormat('yyyy-MM-dd');
    const time = wantsTime ?? s.time;
    let date = wantsDate ?? s.date;
    if (!date) date = wantsTime && wantsTime <= now.toFormat('HH:mm') ? now.plus({ days: 1 }).toFormat('yyyy-MM-dd') : today;
    if (date < today || (date === today && time !== null && time <= now.toFormat('HH:mm'))) {
      notes.push({ kind: 'time_past', date, time: time ?? '00:00' });
      if (date >= today) s.date = date;
      s.time = null;
    } else {
      s.date = date;
      s.time = time;
      checkTime = true;
    }
  }

  // A time of its own per service, in a booking of several ("move the pedicure to 5, keep the manicure at 3"):
  // every service stays where it was unless named; the first starts at the booking's time, the others at
  // their own, or right after the one before when that is where they are.
  // Times of their own only where the customer tells them apart: two different times in one message, or a
  // time for one of services already booked together ("gel manicure and pedicure at 3" is one time for both).
  const pairs = (x.timeFor ?? []).filter((p) => s.services.some((i) => i.serviceId === p.service));
  const ownChanged: Array<{ serviceId: string; time: string }> = [];
  const apart = new Set(pairs.map((p) => p.time)).size >= 2 || (prev.slots.services.length >= 2 && prev.slots.time !== null);
  if (pairs.length && apart && s.services.length >= 2 && s.date) {
    const starts = itemStarts(prev, snapshot);
    const was = new Map(prev.slots.services.map((i, k) => [i.serviceId, prev.slots.date === s.date ? (starts[k]?.time ?? null) : null]));
    const times = s.services.map((i) => pairs.find((p) => p.service === i.serviceId)?.time ?? was.get(i.serviceId) ?? null);
    // the first service not named and new: the message's time when it is not another service's
    s.time = times[0] ?? (s.time && !pairs.some((p) => p.time === s.time) ? s.time : null);
    s.services.forEach((i, k) => {
      if (k > 0) i.time = times[k];
    });
    backToBackAsSuch(state, snapshot);
    const changed = pairs.filter((p) => was.get(p.service) !== p.time);
    ownChanged.push(...changed.map((p) => ({ serviceId: p.service, time: p.time })));
    notes.push({ kind: 'service_times', date: s.date, changed: ownChanged, kept: pairs.filter((p) => !changed.includes(p)).map((p) => ({ serviceId: p.service, time: p.time })) });
    checkTime = true;
  } else if (x.time && s.services.some((i) => i.time)) {
    // one time for the booking ("make it 4"): back to back again from it
    for (const i of s.services) delete i.time;
  }

  // a part of the day narrows the times offered; an exact time or another day makes it moot
  if (x.partOfDay) state.partOfDay = x.partOfDay;
  else if (x.time || (x.date && x.date !== prev.slots.date)) state.partOfDay = null;

  if (x.name && NAME_OK.test(x.name) && x.name.trim().length <= 60) s.name = x.name.trim();
  else if (prev.asked === 'name' && x.yesNo === 'yes' && prev.profileName) s.name = prev.profileName;
  if (x.phone && PHONE_OK.test(x.phone)) {
    s.phone = x.phone;
    s.phoneFromChannel = false;
  }
  if (x.email && EMAIL_OK.test(x.email.trim())) s.email = x.email.trim().toLowerCase();
  else if (prev.asked === 'email' && x.yesNo === 'no' && s.email === null) {
    state.noEmail = true;
    notes.push({ kind: 'no_email' });
  }

  // A day that cannot be had is not kept as the chosen day: the branch does not open, the person chosen is off, or
  // nothing is free. Said plainly, and the next day with free times offered as such; a later change tries it again.
  const refuse = async (date: string) => {
    if (prev.slots.date === date) invalidated.add('time');
    state.wantedTime = s.time ?? state.wantedTime;
    state.wantedDate = date;
    s.date = null;
    s.time = null;
    checkTime = false;
    const alternatives = s.services.length
      ? await nextFreeDay({ catalog: ctx.catalog, snapshot, locationId: s.location!, items: s.services }, date, ctx.now, ALTERNATIVES, state.wantedTime)
      : [];
    if (alternatives.length) state.offered = { slot: 'time', options: alternatives, after: date };
    return alternatives;
  };
  // tried again and still closed or full: that was said already; only the next day's times are offered again
  const sayAgain = (date: string) => retried !== date;
  if (s.location && s.date && closedOn(snapshot, s.location, s.date)) {
    const date = s.date;
    const alternatives = await refuse(date);
    if (sayAgain(date)) notes.push({ kind: 'location_closed', locationId: s.location, date, alternatives });
  }

  // A free time needs nothing more (one read); otherwise the day itself says why: the person chosen is off, the
  // day is full, or just that time is taken (then the nearest free times that day).
  if (checkTime && s.location && s.services.length && s.date) {
    const q = { catalog: ctx.catalog, snapshot, locationId: s.location, items: s.services };
    const date = s.date;
    if (ownChanged.length && s.time && !(await isFree(q, date, s.time))) {
      // a service's own time that is not free: said, and the booking's times stay as they were
      notes.splice(notes.findIndex((n) => n.kind === 'service_times'), 1);
      for (const c of ownChanged) notes.push({ kind: 'service_time_unavailable', date, serviceId: c.serviceId, time: c.time });
      s.time = prev.slots.time;
      s.services = s.services.map((i) => ({ ...i, time: prev.slots.services.find((p) => p.serviceId === i.serviceId)?.time ?? null }));
      backToBackAsSuch(state, snapshot);
    } else if (!(s.time && (await isFree(q, date, s.time)))) {
      const day = await checkDay(q, date, ctx.now);
      if (day.away.length) notes.push({ kind: 'staff_away', date, away: day.away, others: day.others, alternatives: await refuse(date) });
      else if (!day.free.length) {
        const alternatives = await refuse(date);
        if (sayAgain(date)) notes.push({ kind: 'day_full', date, nobody: day.nobody, alternatives });
      }
      else if (s.time) {
        const alternatives = nearestOf(day.free, s.time, ALTERNATIVES);
        notes.push({ kind: 'time_unavailable', date, time: s.time, alternatives });
        state.wantedTime = s.time;
        // A time that was fine until staff or services changed counts as invalidated, not as a failed answer.
        if (timeBefore === s.time && wantsTime === null) invalidated.add('time');
        s.time = null;
        state.offered = { slot: 'time', options: alternatives };
      }
    }
  }

  if (s.time !== null) state.wantedTime = null;
  return { state, notes, invalidated: [...invalidated] };
}

/**
 * The services after this message, or null when it changes none. `add` appends, `remove` takes away
 * (and keeps the one named: "just the manicure"), `replace` puts the new ones where the ones they replace
 * were ("gel pedi instead of the classic one" keeps the manicure). Without an edit word, services that are
 * all chosen already only point at them (staff per service, "the manicure"); others are the services wanted.
 */
function editedServices(current: string[], here: string[], x: Extraction, text: string, snapshot: CatalogSnapshot): string[] | null {
  const removing = new Set(x.removeServices.filter((id) => current.includes(id)));
  const fresh = here.filter((id) => !current.includes(id));
  const edit = x.serviceEdit ?? (current.length > 0 && fresh.length > 0 && ADDITION.some((re) => re.test(text)) ? 'add' : null);
  switch (edit) {
    case 'add':
      return [...current, ...fresh];
    case 'remove':
      return [...current.filter((id) => !removing.has(id)), ...fresh];
    case 'replace': {
      if (!fresh.length) return removing.size ? current.filter((id) => !removing.has(id)) : null;
      // "instead" with nothing named to replace: the chosen service of the same kind, else the only one
      const replaced = removing.size ? removing : new Set(sameKind(current, fresh, snapshot));
      if (!replaced.size) return current.length <= 1 ? fresh : [...current, ...fresh];
      const at = current.findIndex((id) => replaced.has(id));
      const kept = current.filter((id) => !replaced.has(id));
      return [...kept.slice(0, at), ...fresh, ...kept.slice(at)];
    }
    default:
      if (!here.length) return null;
      if (current.length && here.every((id) => current.includes(id)) && (x.staffFor.length > 0 || x.staff !== null || here.length < current.length || !!x.timeFor?.length)) return null;
      return here;
  }
}

/** Chosen services of the same category as the new ones ("a gel pedicure instead" replaces the pedicure). */
function sameKind(current: string[], fresh: string[], snapshot: CatalogSnapshot): string[] {
  const category = (id: string) => snapshot.services.find((sv) => sv.id === id)?.category;
  const kinds = new Set(fresh.map(category));
  const same = current.filter((id) => kinds.has(category(id)));
  return same.length ? same : current.length === 1 ? current : [];
}

/** A service's own time that is just where it would be anyway (right after the one before) is no time of its own. */
function backToBackAsSuch(state: ConversationState, snapshot: CatalogSnapshot): void {
  const s = state.slots;
  for (let k = 1; k < s.services.length; k++) {
    const item = s.services[k];
    if (!item.time) {
      delete item.time;
      continue;
    }
    const starts = itemStarts({ ...state, slots: { ...s, services: s.services.map((i, j) => (j === k ? { ...i, time: null } : i)) } }, snapshot);
    if (starts[k]?.time === item.time) delete item.time;
  }
}

/** The `count` times ("YYYY-MM-DDTHH:MM", one day) nearest to `time` ("HH:MM"), in time order. */
function nearestOf(options: string[], time: string, count: number): string[] {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const distance = (o: string) => Math.abs(minutes(o.slice(11)) - minutes(time));
  return [...options].sort((a, b) => distance(a) - distance(b) || a.localeCompare(b)).slice(0, count).sort();
}

/** Does the location keep no opening hours on this calendar day? (hours[0] is Monday) */
function closedOn(snapshot: CatalogSnapshot, locationId: string, date: string): boolean {
  const location = snapshot.locations.find((l) => l.id === locationId);
  return !!location && location.hours[DateTime.fromISO(date).weekday - 1] === null;
}

function offeredAt(snapshot: CatalogSnapshot, serviceId: string, locationId: string): boolean {
  return snapshot.services.some((sv) => sv.id === serviceId && sv.locationIds.includes(locationId));
}

/** Can she take this item: works at the chosen location (hers when none is chosen yet) and does the service? Notes why not. */
function canTake(state: ConversationState, person: CatalogStaff, serviceIds: string[], notes: Note[]): boolean {
  const location = state.slots.location ?? person.locationId;
  if (person.locationId !== location) {
    notes.push({ kind: 'staff_not_at_location', staffId: person.id, locationId: location });
    return false;
  }
  if (!serviceIds.some((id) => canPerform(person, location, id))) {
    notes.push({ kind: 'staff_cannot_do', staffId: person.id, serviceIds });
    return false;
  }
  return true;
}

/** "Manicure with Sara and pedicure with Maria": each named service gets its own staff; the rest "anyone". */
function chooseStaffPerService(state: ConversationState, snapshot: CatalogSnapshot, pairs: Extraction['staffFor'], notes: Note[]) {
  let applied = 0;
  let changed = false;
  for (const { service, staff } of pairs) {
    const item = state.slots.services.find((i) => i.serviceId === service);
    const person = snapshot.staff.find((p) => p.id === staff);
    if (!item || !person || !canTake(state, person, [service], notes)) continue;
    applied += 1;
    if (item.staffId !== staff) changed = true;
    item.staffId = staff;
  }
  if (changed) {
    for (const i of state.slots.services) if (i.staffId === null) i.staffId = 'any';
    state.pendingStaff = null;
  }
  return { applied, changed };
}

/** The customer named a person (or anyone) for the services she does; returns whether anything changed. */
function chooseStaff(state: ConversationState, snapshot: CatalogSnapshot, staffId: string, notes: Note[]): boolean {
  const s = state.slots;
  if (staffId === 'any') {
    if (!s.services.length) {
      state.pendingStaff = 'any';
      return false;
    }
    const open = s.services.filter((i) => i.staffId === null);
    for (const i of open.length ? open : s.services) i.staffId = 'any';
    state.pendingStaff = null;
    return true;
  }
  const person = snapshot.staff.find((p) => p.id === staffId);
  if (!person) return false;
  if (!s.services.length) {
    if (s.location && person.locationId !== s.location) {
      notes.push({ kind: 'staff_not_at_location', staffId, locationId: s.location });
      return false;
    }
    state.pendingStaff = staffId;
    return false;
  }
  if (!canTake(state, person, s.services.map((i) => i.serviceId), notes)) return false;
  const hers = s.services.filter((i) => canPerform(person, person.locationId, i.serviceId));
  for (const i of hers) i.staffId = staffId;
  for (const i of s.services) if (i.staffId === null) i.staffId = 'any';
  state.pendingStaff = null;
  return true;
}
