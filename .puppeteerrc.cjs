// Puppeteer's own install step (a dependency of DAISY Ace, which the tests use) would fail
// `npm ci` wherever Chrome's download servers cannot be reached. It is skipped here; the
// project's prepare step (scripts/install-browser.mjs) runs the same download and lets it fail.
module.exports = { skipDownload: true };
