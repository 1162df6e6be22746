'use strict';
/**
 * Calls every method of the official Node client, elasticio-rest-node 2.0.0, and every v1
 * call of the component runtime, against the API at ELASTICIO_API_URI (meant for the
 * emulator: the steps create, change and delete records), and checks each answer.
 *
 *   node interop/main.js SEED_IDS.json
 *
 * Needs ELASTICIO_API_URI, ELASTICIO_API_USERNAME, ELASTICIO_API_KEY, and the client on
 * NODE_PATH. Prints one PASS/FAIL line per method; exits 1 if any failed, 2 on bad usage.
 */

const fs = require('fs');
const { runSteps } = require('./harness');

const REQUIRED = ['ELASTICIO_API_URI', 'ELASTICIO_API_USERNAME', 'ELASTICIO_API_KEY'];

async function main(argv, env) {
  const missing = REQUIRED.filter((name) => !env[name]);
  if (argv.length !== 1 || missing.length > 0) {
    process.stderr.write('usage: node interop/main.js SEED_IDS.json (with '
      + `${REQUIRED.join(', ')} set; missing: ${missing.join(', ') || 'none'})\n`);
    return 2;
  }
  const seed = JSON.parse(fs.readFileSync(argv[0], 'utf8'));
  // The documented factory call, without `new` (see interop/README.md on why).
  const client = require('elasticio-rest-node')();
  const ctx = {
    client,
    seed,
    uri: env.ELASTICIO_API_URI.replace(/\/+$/, ''),
    user: env.ELASTICIO_API_USERNAME,
    key: env.ELASTICIO_API_KEY,
  };
  const steps = [
    ...require('./v1').steps,
    ...require('./v2').steps,
    ...require('./runtime').steps,
  ];
  const failed = await runSteps(steps, ctx, process.stdout);
  return failed === 0 ? 0 : 1;
}

main(process.argv.slice(2), process.env).then(
  (code) => { process.exitCode = code; },
  (error) => {
    process.stderr.write(`interop: ${error.stack || error}\n`);
    process.exitCode = 2;
  },
);
