/**
 * A time of its own per service, when a message gives them clause by clause: "move the pedicure to 5, keep
 * the manicure at 3", "el pedicure a las 5 y el manicure a las 3", "خلي الباديكير الساعة ٥ والمانيكير الساعة ٣".
 * A clause that names exactly one service and one time pairs them; the conversation decides what a pair
 * means (only services already chosen together get times of their own).
 */

/** Where one clause ends and the next begins: punctuation, "and/but/then", "y/pero", "بس/ثم", and "و" joined to "ال…". */
const CLAUSE = /[,;.!?،؛]+|\s+(?:and|but|then|y|e|pero|luego|bs|بس|ثم)\s+|\s+و(?=ال)/giu;

export interface ClauseReaders {
  /** The services a clause names (ids), as the catalog matcher reads them. */
  services(clause: string): string[];
  /** The time a clause gives ("HH:MM"), as the date-time reader reads it. */
  time(clause: string): string | null;
}

export function timesPerService(text: string, read: ClauseReaders): Array<{ service: string; time: string }> {
  const clauses = text.split(CLAUSE).map((c) => c.trim()).filter(Boolean);
  const pairs: Array<{ service: string; time: string }> = [];
  for (const clause of clauses) {
    const services = read.services(clause);
    const time = services.length === 1 ? read.time(clause) : null;
    if (time && !pairs.some((p) => p.service === services[0])) pairs.push({ service: services[0], time });
  }
  return pairs;
}
