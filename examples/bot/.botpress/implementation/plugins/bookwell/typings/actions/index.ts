/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as syncCatalog from "./syncCatalog/index";
export * as syncCatalog from "./syncCatalog/index";
import * as listServices from "./listServices/index";
export * as listServices from "./listServices/index";
import * as findAvailability from "./findAvailability/index";
export * as findAvailability from "./findAvailability/index";
import * as createBooking from "./createBooking/index";
export * as createBooking from "./createBooking/index";
import * as cancelBooking from "./cancelBooking/index";
export * as cancelBooking from "./cancelBooking/index";
import * as rescheduleBooking from "./rescheduleBooking/index";
export * as rescheduleBooking from "./rescheduleBooking/index";
import * as listBookings from "./listBookings/index";
export * as listBookings from "./listBookings/index";
import * as releaseHandoff from "./releaseHandoff/index";
export * as releaseHandoff from "./releaseHandoff/index";
import * as handoff from "./handoff/index";
export * as handoff from "./handoff/index";

export type Actions = {
  "syncCatalog": syncCatalog.SyncCatalog;
  "listServices": listServices.ListServices;
  "findAvailability": findAvailability.FindAvailability;
  "createBooking": createBooking.CreateBooking;
  "cancelBooking": cancelBooking.CancelBooking;
  "rescheduleBooking": rescheduleBooking.RescheduleBooking;
  "listBookings": listBookings.ListBookings;
  "releaseHandoff": releaseHandoff.ReleaseHandoff;
  "handoff": handoff.Handoff;
}
