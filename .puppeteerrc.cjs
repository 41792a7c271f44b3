// Puppeteer never downloads its own browser here: the Chromium path comes from
// the WhatsApp channel configuration (Debian's `chromium` package works).
module.exports = { skipDownload: true };
