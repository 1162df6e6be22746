'use strict';
/**
 * The v1 calls the component runtime (elasticio-sailor-nodejs 2.7.8) makes, made the way
 * it makes them: the step's config and the account update through the client, and the
 * startup-data hooks as raw requests through the client's exported request helper, with
 * the runtime's URL: ELASTICIO_API_URI + /sailor-support/hooks/task/{id}/startup/data
 * (no /v1 in it), answers under 500 returned rather than thrown.
 */

const { axiosReqWithRetryOnServerError } = require('elasticio-rest-node');
const { check, equal, object } = require('./harness');

const STARTUP_STATE = { subscriptionResult: { status: 'ok', id: 'interop' } };

/** One hooks request as the runtime sends it; returns { statusCode, body }. */
function hook(ctx, method, data) {
  return axiosReqWithRetryOnServerError({
    url: `${ctx.uri}/sailor-support/hooks/task/${ctx.seed.flow_id}/startup/data`,
    method,
    auth: { username: ctx.user, password: ctx.key },
    headers: { Connection: 'Keep-Alive' },
    data,
    // The runtime reads 4xx answers itself (a 409 means "already there, rewrite it").
    validateStatus: (status) => status >= 200 && status < 500,
  });
}

function ok(answer, what) {
  check(answer.statusCode >= 200 && answer.statusCode < 300,
    `${what}: HTTP ${answer.statusCode} ${JSON.stringify(answer.body).slice(0, 200)}`);
  return answer.body;
}

module.exports.steps = [
  {
    name: 'sailor: tasks.retrieveStep (step config)',
    async run({ client, seed }) {
      const step = object(await client.tasks.retrieveStep(seed.flow_id, 'step_1'), 'step');
      // The runtime reads config, snapshot, variables and is_passthrough.
      equal(step.config, seed.flow_step_1_fields, 'step_1.config');
      equal(step.snapshot, { lastPoll: '2024-01-01T18:00:00.000Z' }, 'step_1.snapshot');
    },
  },
  {
    name: 'sailor: accounts.update (refreshed keys)',
    async run({ client, seed }) {
      const id = seed.credential_ids.petstore;
      const keys = { apiKey: 'refreshed-by-runtime' };
      const account = await client.accounts.update(id, { keys });
      equal(account.id, id, 'account.id');
      equal(account.keys, keys, 'account.keys');
      equal(account.name, 'Petstore demo key', 'account.name (unchanged)');
      equal((await client.accounts.retrieve(id)).keys, keys, 'keys read back through v1');
    },
  },
  {
    name: 'sailor: POST startup/data',
    async run(ctx) {
      ok(await hook(ctx, 'POST', STARTUP_STATE), 'POST');
      ctx.startupStored = true;
    },
  },
  {
    name: 'sailor: POST startup/data again (409)',
    needs: ['startupStored'],
    async run(ctx) {
      const again = await hook(ctx, 'POST', STARTUP_STATE);
      equal(again.statusCode, 409, 'a second POST while data is stored: status');
    },
  },
  {
    name: 'sailor: GET startup/data',
    needs: ['startupStored'],
    async run(ctx) {
      equal(ok(await hook(ctx, 'GET'), 'GET'), STARTUP_STATE, 'stored startup data');
    },
  },
  {
    name: 'sailor: DELETE startup/data',
    needs: ['startupStored'],
    async run(ctx) {
      ok(await hook(ctx, 'DELETE'), 'DELETE');
      const after = await hook(ctx, 'GET');
      equal(after.statusCode, 404, 'GET after DELETE: status');
      ok(await hook(ctx, 'POST', {}), 'POST after DELETE');
    },
  },
];
