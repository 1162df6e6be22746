'use strict';
/**
 * The checking half of the interop run: steps that call the client, checks that say
 * precisely what was wrong, and one PASS/FAIL line per step.
 *
 * A step is { name, needs?, run(ctx) }. `needs` lists the ctx keys an earlier step must
 * have set (an id it created); when one is missing the step fails as "not run", so a
 * broken create is reported once as itself and once per method that could not be tried.
 */

const STEP_TIMEOUT_MS = 60000;
const SHOWN_CHARS = 300;
// Never printed: these fields carry credentials in v1 and v2 bodies.
const SECRET_FIELDS = new Set([
  'keys', 'api_secret', 'password', 'api_key', 'credentials', 'access_token', 'refresh_token',
]);

class CheckFailed extends Error {}

function check(condition, reason) {
  if (!condition) throw new CheckFailed(reason);
}

function show(value) {
  const text = JSON.stringify(value, (key, inner) =>
    (SECRET_FIELDS.has(key) && inner !== null && inner !== undefined ? '<hidden>' : inner));
  if (text === undefined) return String(value);
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}...` : text;
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function object(value, what) {
  check(isObject(value), `${what}: expected a JSON object, got ${show(value)}`);
  return value;
}

function array(value, what) {
  check(Array.isArray(value), `${what}: expected a JSON array, got ${show(value)}`);
  return value;
}

function text(owner, key, what) {
  const value = object(owner, what)[key];
  check(typeof value === 'string' && value.length > 0,
    `${what}: "${key}" should be a non-empty string, got ${show(value)}`);
  return value;
}

function equal(actual, expected, what) {
  check(JSON.stringify(actual) === JSON.stringify(expected),
    `${what}: expected ${show(expected)}, got ${show(actual)}`);
}

function absent(owner, key, what) {
  check(!(key in object(owner, what)), `${what}: "${key}" must not be in the response`);
}

function find(items, id, what) {
  const found = array(items, what).find((item) => isObject(item) && item.id === id);
  check(found !== undefined, `${what}: no item with id ${id} among ${items.length}`);
  return found;
}

/** The HTTP status of a client error, or a failure if the call did not fail at all. */
async function failure(promise, what) {
  let result;
  try {
    result = await promise;
  } catch (error) {
    check(error.statusCode !== undefined, `${what}: ${describe(error)}`);
    return error.statusCode;
  }
  throw new CheckFailed(`${what}: expected an HTTP error, got ${show(result)}`);
}

function describe(error) {
  if (error instanceof CheckFailed) return error.message;
  if (error.statusCode !== undefined) {
    let body = error.message;
    try {
      body = show(JSON.parse(error.message));
    } catch (notJson) {
      body = body.slice(0, SHOWN_CHARS);
    }
    return `HTTP ${error.statusCode} ${body}`;
  }
  return `${error.code || error.name}: ${error.message}`.slice(0, SHOWN_CHARS);
}

function withTimeout(promise, name) {
  let timer;
  const timeout = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new CheckFailed(`no answer in ${STEP_TIMEOUT_MS} ms`)),
      STEP_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Run the steps in order, print a line for each, and return how many failed. */
async function runSteps(steps, ctx, out) {
  let failed = 0;
  const width = Math.max(...steps.map((step) => step.name.length));
  for (const step of steps) {
    const missing = (step.needs || []).filter((key) => ctx[key] === undefined);
    let reason = null;
    if (missing.length > 0) {
      reason = `not run: needs ${missing.join(', ')} from an earlier step that failed`;
    } else {
      try {
        await withTimeout(Promise.resolve().then(() => step.run(ctx)), step.name);
      } catch (error) {
        reason = describe(error);
      }
    }
    if (reason === null) {
      out.write(`PASS  ${step.name}\n`);
    } else {
      failed += 1;
      out.write(`FAIL  ${step.name.padEnd(width)}  ${reason}\n`);
    }
  }
  out.write(`\n${steps.length - failed} passed, ${failed} failed, of ${steps.length}\n`);
  return failed;
}

module.exports = {
  CheckFailed, absent, array, check, equal, failure, find, isObject, object, runSteps, show, text,
};
