/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as bookwellSyncCatalog from "./bookwell-syncCatalog/index";
export * as bookwellSyncCatalog from "./bookwell-syncCatalog/index";
import * as bookwellListServices from "./bookwell-listServices/index";
export * as bookwellListServices from "./bookwell-listServices/index";
import * as bookwellFindAvailability from "./bookwell-findAvailability/index";
export * as bookwellFindAvailability from "./bookwell-findAvailability/index";
import * as bookwellCreateBooking from "./bookwell-createBooking/index";
export * as bookwellCreateBooking from "./bookwell-createBooking/index";
import * as bookwellCancelBooking from "./bookwell-cancelBooking/index";
export * as bookwellCancelBooking from "./bookwell-cancelBooking/index";
import * as bookwellRescheduleBooking from "./bookwell-rescheduleBooking/index";
export * as bookwellRescheduleBooking from "./bookwell-rescheduleBooking/index";
import * as bookwellListBookings from "./bookwell-listBookings/index";
export * as bookwellListBookings from "./bookwell-listBookings/index";
import * as bookwellReleaseHandoff from "./bookwell-releaseHandoff/index";
export * as bookwellReleaseHandoff from "./bookwell-releaseHandoff/index";
import * as bookwellHandoff from "./bookwell-handoff/index";
export * as bookwellHandoff from "./bookwell-handoff/index";

export type Actions = {
  "bookwell#syncCatalog": bookwellSyncCatalog.BookwellSyncCatalog;
  "bookwell#listServices": bookwellListServices.BookwellListServices;
  "bookwell#findAvailability": bookwellFindAvailability.BookwellFindAvailability;
  "bookwell#createBooking": bookwellCreateBooking.BookwellCreateBooking;
  "bookwell#cancelBooking": bookwellCancelBooking.BookwellCancelBooking;
  "bookwell#rescheduleBooking": bookwellRescheduleBooking.BookwellRescheduleBooking;
  "bookwell#listBookings": bookwellListBookings.BookwellListBookings;
  "bookwell#releaseHandoff": bookwellReleaseHandoff.BookwellReleaseHandoff;
  "bookwell#handoff": bookwellHandoff.BookwellHandoff;
}
