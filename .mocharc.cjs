/**
 * Mocha settings. In CI (CI=true) the spec reporter names every test and its time, so a log shows
 * which test failed or ran slow; locally the dot reporter keeps the output short.
 */
module.exports = {
  spec: ['dist/test/**/*.test.js'],
  timeout: 20000,
  // Tests slower than this are shown in red by the spec reporter (the suite's budget: 2 s per test).
  slow: 2000,
  reporter: process.env.CI === 'true' ? 'spec' : 'dot',
};
