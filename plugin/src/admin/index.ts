/** The admin page: sync status, errors, bookings and WhatsApp linking, read-only, served locally. */
export { startAdminServer, type AdminServer, type AdminServerOptions } from './server';
export { gatherAdminStatus, type AdminPorts, type AdminStatus } from './data';
export { renderAdminPage } from './render';
