/** The owner console (admin page): waiting chats, bookings, catalog and sync, messages, trends; served locally. */
export { startAdminServer, type AdminServer, type AdminServerOptions } from './server';
export type { AdminPorts, ChatAddress, LlmUsageDay, LlmUsageSource, MessagesPort } from './ports';
export { gatherAdminStatus, type AdminStatus } from './pages/overview/queries';
