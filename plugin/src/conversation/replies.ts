/** Questions and notes rendered from templates; no customer-facing text lives here. */
import { locationZone } from '../catalog/availability';
import type { CatalogSnapshot, Language } from '../catalog/types';
import type { Variant } from './choices';
import { atTime, formatDate, formatOptionTimes, formatWhen, joinOr, locationName, numbered, serviceName, staffName, weekdays } from './format';
import type { ConversationState, SlotName } from './state';
import { fullSummary } from './summary';
import type { Render, TemplateKey } from './templates';
import type { Note } from './update';

export interface ReplyContext {
  state: ConversationState;
  snapshot: CatalogSnapshot;
  lang: Language;
  t: Render;
}

const PHONE_EXAMPLE: Record<string, string> = { KW: '+965 9988 7766', MX: '+52 55 1234 5678' };

function optionLabels(slot: SlotName, options: string[], ctx: ReplyContext): string[] {
  const { snapshot, lang, t, state } = ctx;
  switch (slot) {
    case 'location':
      return options.map((id) => locationName(snapshot, id, lang));
    case 'services':
      return options.map((id) => serviceName(snapshot, id, lang));
    case 'staff':
      return options.map((id) => staffName(snapshot, id, t, lang));
    case 'time':
      return formatOptionTimes(options, state.slots.date, locationZone(snapshot, state.slots.location), lang);
    default:
      return options;
  }
}

/** The question for `slot`: plain, reworded after a failed answer, or as a numbered list. */
export function questionText(slot: SlotName, variant: Variant, options: string[], ctx: ReplyContext): string {
  const { t, snapshot, lang, state } = ctx;
  const s = state.slots;
  const labels = optionLabels(slot, options, ctx);
  const vars = {
    options: joinOr(labels, t),
    list: numbered(labels, t),
    location: s.location ? locationName(snapshot, s.location, lang) : '',
    services: joinOr(
      s.services.filter((i) => i.staffId === null).map((i) => serviceName(snapshot, i.serviceId, lang)),
      t,
    ),
    date: s.date ? formatDate(s.date, locationZone(snapshot, s.location), lang) : '',
    profile: state.profileName ?? '',
    example: PHONE_EXAMPLE[snapshot.business.country] ?? '+…',
  };
  const key = ((): TemplateKey => {
    if (variant === 'list' && labels.length) return `ask_${slot}_list` as TemplateKey;
    switch (slot) {
      case 'time':
        // the times of the next day with free times, after a day that had none: named as that day's
        if (state.offered?.slot === 'time' && state.offered.after && labels.length) return 'ask_time_next_day';
        if (variant === 'ask' && !s.date) return 'ask_time';
        if (!labels.length) return 'ask_time_none';
        return variant === 'ask' ? 'ask_time_date' : 'ask_time_retry';
      case 'name':
        if (variant === 'ask') return state.profileName ? 'ask_name_profile' : 'ask_name';
        return 'ask_name_retry';
      default:
        return (variant === 'ask' ? `ask_${slot}` : `ask_${slot}_retry`) as TemplateKey;
    }
  })();
  if (key === 'ask_time_next_day') Object.assign(vars, nextDayVars(options, locationZone(snapshot, s.location), lang, t));
  return t(key, vars);
}

export function confirmText(variant: 'ask' | 'retry', ctx: ReplyContext): string {
  if (variant === 'retry') return ctx.t('ask_confirm_retry');
  return ctx.t('ask_confirm', { details: fullSummary(ctx.state, ctx.snapshot, ctx.lang, ctx.t) });
}

/** The next day with free times, and its times: "Saturday, March 7" and "10:00 AM, 11:30 AM or 1:00 PM". */
export function nextDayVars(options: string[], zone: string, lang: Language, t: Render) {
  const day = options[0].slice(0, 10);
  return { date: formatDate(day, zone, lang), options: joinOr(formatOptionTimes(options, day, zone, lang), t) };
}

/** `withAlternatives`: name the nearest free times in the note (not needed when the next question offers them). */
export function noteText(note: Note, ctx: ReplyContext, withAlternatives: boolean): string {
  const { t, snapshot, lang } = ctx;
  const names = (ids: string[]) => joinOr(ids.map((id) => serviceName(snapshot, id, lang)), t);
  switch (note.kind) {
    case 'time_unavailable':
    case 'time_past': {
      const zone = locationZone(snapshot, ctx.state.slots.location);
      const when = note.time === '00:00' ? formatDate(note.date, zone, lang) : formatWhen(note.date, note.time, zone, lang);
      if (note.kind === 'time_past') return t('note_time_past', { when });
      const text = t('note_time_unavailable', { when });
      if (!withAlternatives || !note.alternatives.length) return text;
      const options = joinOr(formatOptionTimes(note.alternatives, note.date, zone, lang), t);
      return `${text} ${t('note_alternatives', { options })}`;
    }
    case 'location_closed':
    case 'staff_away':
    case 'day_full': {
      const zone = locationZone(snapshot, ctx.state.slots.location);
      const date = formatDate(note.date, zone, lang);
      const lines: string[] = [];
      if (note.kind === 'location_closed') lines.push(t('note_location_closed', { location: locationName(snapshot, note.locationId, lang), date }));
      if (note.kind === 'staff_away') {
        for (const a of note.away) {
          const staff = staffName(snapshot, a.staffId, t, lang);
          lines.push(a.off ? t('note_staff_off', { staff, weekdays: weekdays(note.date, lang) }) : t('note_staff_busy', { staff, date }));
        }
        if (note.others.length) lines.push(t('note_staff_others', { date, others: joinOr(note.others.map((id) => staffName(snapshot, id, t, lang)), t) }));
      }
      if (note.kind === 'day_full') {
        lines.push(
          note.nobody.length
            ? t('note_day_nobody', { services: names(note.nobody), location: locationName(snapshot, ctx.state.slots.location ?? '', lang), weekdays: weekdays(note.date, lang) })
            : t('note_day_full', { date }),
        );
      }
      // the next day with free times, named as such (the time question names it when it comes next)
      if (withAlternatives && note.alternatives.length) lines.push(t('note_next_day', nextDayVars(note.alternatives, zone, lang, t)));
      return lines.join(' ');
    }
    case 'service_not_at_location':
    case 'services_dropped':
      return t(note.kind === 'services_dropped' ? 'note_services_dropped' : 'note_service_not_at_location', {
        services: names(note.serviceIds),
        location: locationName(snapshot, note.locationId, lang),
      });
    case 'staff_not_at_location': {
      const person = snapshot.staff.find((p) => p.id === note.staffId);
      return t('note_staff_not_at_location', {
        staff: staffName(snapshot, note.staffId, t, lang),
        other: person ? locationName(snapshot, person.locationId, lang) : '',
        location: locationName(snapshot, note.locationId, lang),
      });
    }
    case 'staff_cannot_do':
      return t('note_staff_cannot_do', { staff: staffName(snapshot, note.staffId, t, lang), services: names(note.serviceIds) });
    case 'no_email':
      return t('note_no_email');
    case 'service_times':
    case 'service_time_unavailable': {
      const zone = locationZone(snapshot, ctx.state.slots.location);
      const say = (key: 'note_service_time' | 'note_service_time_kept' | 'note_service_time_unavailable', p: { serviceId: string; time: string }) =>
        t(key, { service: serviceName(snapshot, p.serviceId, lang), at: atTime(note.date, p.time, zone, lang) });
      if (note.kind === 'service_time_unavailable') return say('note_service_time_unavailable', note);
      return [...note.changed.map((p) => say('note_service_time', p)), ...note.kept.map((p) => say('note_service_time_kept', p))].join(' ');
    }
    case 'services_changed': {
      const all = (ids: string[]) => ids.map((id) => serviceName(snapshot, id, lang)).join(t('and'));
      if (note.added.length && note.removed.length) return t('note_services_replaced', { added: all(note.added), removed: all(note.removed) });
      return note.added.length ? t('note_services_added', { added: all(note.added) }) : t('note_services_removed', { removed: all(note.removed) });
    }
  }
}
