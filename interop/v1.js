'use strict';
/**
 * Every v1 method of elasticio-rest-node 2.0.0, in an order that creates what it later
 * reads, changes and deletes. Expected shapes and values come from the v1 reference
 * (digest §6) and the seed: a v1 account is a v2 credential, a repo is a component, a
 * task is a flow, teams and SSH keys are shared.
 */

const crypto = require('crypto');
const {
  absent, array, check, equal, failure, find, isObject, object, text,
} = require('./harness');

const POLLS = 50;
const POLL_PAUSE_MS = 100;

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A fresh OpenSSH ed25519 public key line, so the run never reuses a fingerprint. */
function newSshKey(comment) {
  const { publicKey } = crypto.generateKeyPairSync('ed25519');
  const point = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url');
  const field = (bytes) => {
    const size = Buffer.alloc(4);
    size.writeUInt32BE(bytes.length);
    return Buffer.concat([size, bytes]);
  };
  const blob = Buffer.concat([field(Buffer.from('ssh-ed25519')), field(point)]);
  return `ssh-ed25519 ${blob.toString('base64')} ${comment}`;
}

function checkUser(user, what) {
  for (const key of ['id', 'first_name', 'last_name', 'email']) text(user, key, what);
  absent(user, 'password', what);
}

function checkSshKey(key, what) {
  for (const field of ['id', 'title', 'fingerprint', 'user_id', 'key']) text(key, field, what);
}

function checkComponentList(body, what) {
  const components = array(object(body, what).components, `${what}.components`);
  for (const item of components) {
    text(item, 'repo_id', `${what} item`);
    object(item.data, `${what} item.data`);
  }
  return components;
}

const users = [
  {
    name: 'users.me',
    async run({ client, seed }) {
      const me = await client.users.me();
      checkUser(me, 'me');
      equal(me.id, seed.owner.id, 'me.id');
      equal(me.email, seed.owner.email, 'me.email');
    },
  },
  {
    name: 'users.create',
    async run(ctx) {
      const email = `interop-${Date.now()}@example.com`;
      const user = await ctx.client.users.create({
        first_name: 'Ida',
        last_name: 'Interop',
        email,
        password: 'interop-password-1',
        company: 'Interop & Partners',
        organizations: [{ id: ctx.seed.contract_id }],
      });
      checkUser(user, 'created user');
      equal(user.email, email, 'created user.email');
      equal(user.company, 'Interop & Partners', 'created user.company');
      text(user, 'api_secret', 'created user');
      ctx.userId = user.id;
    },
  },
  {
    name: 'users.delete',
    needs: ['userId'],
    async run({ client, userId }) {
      const answer = await client.users.delete(userId);
      text(answer, 'message', 'delete answer');
      // Deleting again must fail: the user is gone.
      check((await failure(client.users.delete(userId), 'second delete')) === 404,
        'a second delete of the same user should answer 404');
    },
  },
];

const teams = [
  {
    name: 'teams.list',
    async run({ client, seed }) {
      const team = find(await client.teams.list(), seed.team_id, 'teams');
      equal(team.name, 'acme-dev', 'seed team.name');
      check(array(team.members, 'seed team.members').includes(seed.owner.id),
        `seed team.members should include the owner ${seed.owner.id}`);
    },
  },
  {
    name: 'teams.create',
    async run(ctx) {
      const team = await ctx.client.teams.create({ name: 'interopteam' });
      text(team, 'id', 'created team');
      equal(team.name, 'interopteam', 'created team.name');
      check(array(team.members, 'created team.members').includes(ctx.seed.owner.id),
        'the creator should be a member of the new team');
      find(await ctx.client.teams.list(), team.id, 'teams after create');
      ctx.teamId = team.id;
    },
  },
];

const repos = [
  {
    name: 'repos.list',
    async run({ client, seed }) {
      const repo = find(await client.repos.list(), seed.component_ids.petstore, 'repos');
      equal(repo.name, 'petstore', 'petstore repo.name');
      equal(repo.team_id, seed.team_id, 'petstore repo.team_id');
    },
  },
  {
    name: 'repos.retrieve',
    async run({ client, seed }) {
      const repo = await client.repos.retrieve(seed.component_ids.petstore);
      equal(repo.id, seed.component_ids.petstore, 'repo.id');
      equal(repo.name, 'petstore', 'repo.name');
      equal(repo.team_id, seed.team_id, 'repo.team_id');
    },
  },
  {
    name: 'repos.create',
    async run(ctx) {
      const teamId = ctx.teamId || ctx.seed.team_id;
      const repo = await ctx.client.repos.create({ name: 'interop-repo', team_id: teamId });
      text(repo, 'id', 'created repo');
      equal(repo.name, 'interop-repo', 'created repo.name');
      equal(repo.team_id, teamId, 'created repo.team_id');
      equal(repo.is_public, false, 'created repo.is_public');
      ctx.repoId = repo.id;
    },
  },
  {
    name: 'repos.retrieveEnvVars',
    async run({ client, seed }) {
      const env = object(await client.repos.retrieveEnvVars(seed.component_ids.petstore), 'env');
      equal(env.PETSTORE_URL, 'https://petstore.example.com/v2', 'petstore env.PETSTORE_URL');
    },
  },
  {
    name: 'repos.updateEnvVars',
    needs: ['repoId'],
    async run({ client, repoId }) {
      const set = await client.repos.updateEnvVars(repoId, { API_KEY: 'k-1', DROP_ME: 'x' });
      equal(set, { API_KEY: 'k-1', DROP_ME: 'x' }, 'env after setting two variables');
      // The v1 docs: a null value removes the variable.
      const dropped = await client.repos.updateEnvVars(repoId, { DROP_ME: null });
      equal(dropped, { API_KEY: 'k-1' }, 'env after setting DROP_ME to null');
      equal(await client.repos.retrieveEnvVars(repoId), { API_KEY: 'k-1' }, 'env read back');
    },
  },
  {
    name: 'repos.delete',
    needs: ['repoId'],
    async run({ client, repoId }) {
      equal(await client.repos.delete(repoId), {}, 'delete answer');
      check((await failure(client.repos.retrieve(repoId), 'retrieve after delete')) === 404,
        'the deleted repo should answer 404');
    },
  },
];

const components = [
  {
    name: 'components.mine',
    async run({ client, seed }) {
      const list = checkComponentList(await client.components.mine(), 'mine');
      const petstore = list.find((item) => item.repo_id === seed.component_ids.petstore);
      check(petstore !== undefined, 'mine should list the private petstore component');
      equal(petstore.data.title, 'Petstore API', 'petstore data.title');
      check(!list.some((item) => item.repo_id === seed.component_ids.timer),
        'mine should not list the global timer component');
    },
  },
  {
    name: 'components.public',
    async run({ client, seed }) {
      const list = checkComponentList(await client.components.public(), 'public');
      const timer = list.find((item) => item.repo_id === seed.component_ids.timer);
      check(timer !== undefined, 'public should list the global timer component');
      equal(timer.data.title, 'Timer', 'timer data.title');
      check(!list.some((item) => item.repo_id === seed.component_ids.petstore),
        'public should not list the private petstore component');
    },
  },
  {
    name: 'components.retrieve',
    async run({ client, seed }) {
      const component = await client.components.retrieve(seed.component_ids.petstore);
      equal(component.repo_id, seed.component_ids.petstore, 'component.repo_id');
      equal(object(component.data, 'component.data').title, 'Petstore API', 'data.title');
      object(component.data.credentials, 'component.data.credentials');
    },
  },
];

const sshkeys = [
  {
    name: 'sshkeys.list',
    async run({ client, seed }) {
      const key = find(await client.sshkeys.list(), seed.ssh_key_id, 'sshkeys');
      checkSshKey(key, 'seed key');
      equal(key.title, 'Laptop', 'seed key.title');
      equal(key.user_id, seed.owner.id, 'seed key.user_id');
    },
  },
  {
    name: 'sshkeys.create',
    async run(ctx) {
      const line = newSshKey('interop@example.com');
      const key = await ctx.client.sshkeys.create({ key: line, title: 'Interop' });
      checkSshKey(key, 'created key');
      equal(key.title, 'Interop', 'created key.title');
      equal(key.user_id, ctx.seed.owner.id, 'created key.user_id');
      check(key.key.startsWith(line.split(' ').slice(0, 2).join(' ')),
        'created key.key should be the key that was sent');
      ctx.sshKeyId = key.id;
    },
  },
  {
    name: 'sshkeys.delete',
    needs: ['sshKeyId'],
    async run({ client, sshKeyId }) {
      equal(await client.sshkeys.delete(sshKeyId), {}, 'delete answer');
      const left = array(await client.sshkeys.list(), 'sshkeys after delete');
      check(!left.some((key) => key.id === sshKeyId), 'the deleted key is still listed');
    },
  },
];

const accounts = [
  {
    name: 'accounts.list',
    async run({ client, seed }) {
      const account = find(await client.accounts.list(), seed.credential_ids.petstore, 'accounts');
      equal(account.name, 'Petstore demo key', 'seed account.name');
      object(account.keys, 'seed account.keys');
    },
  },
  {
    name: 'accounts.create',
    async run(ctx) {
      const account = await ctx.client.accounts.create({
        name: 'Interop account',
        type: ctx.seed.component_ids.petstore,
        keys: { apiKey: 'interop-key' },
      });
      text(account, 'id', 'created account');
      equal(account.name, 'Interop account', 'created account.name');
      equal(account.type, ctx.seed.component_ids.petstore, 'created account.type');
      equal(account.keys, { apiKey: 'interop-key' }, 'created account.keys');
      ctx.accountId = account.id;
    },
  },
  {
    name: 'accounts.retrieve',
    needs: ['accountId'],
    async run({ client, seed, accountId }) {
      const account = await client.accounts.retrieve(accountId);
      equal(account.id, accountId, 'account.id');
      equal(account.name, 'Interop account', 'account.name');
      equal(account.type, seed.component_ids.petstore, 'account.type');
      equal(account.keys, { apiKey: 'interop-key' }, 'account.keys');
    },
  },
  {
    name: 'accounts.update',
    needs: ['accountId'],
    async run({ client, seed, accountId }) {
      const account = await client.accounts.update(accountId, { name: 'Renamed account' });
      equal(account.id, accountId, 'updated account.id');
      equal(account.name, 'Renamed account', 'updated account.name');
      equal(account.type, seed.component_ids.petstore, 'updated account.type (unchanged)');
      equal(account.keys, { apiKey: 'interop-key' }, 'updated account.keys (unchanged)');
    },
  },
];

const tasks = [
  {
    name: 'tasks.create',
    async run(ctx) {
      const task = await ctx.client.tasks.create({
        name: 'Interop task',
        cron: '*/5 * * * *',
        nodes: [
          { function: 'elasticio/timer:timer', config: { interval: 'minute' } },
          {
            function: 'acme-dev/petstore:createPetWithPromise',
            account: ctx.accountId || ctx.seed.credential_ids.petstore,
            config: {},
          },
        ],
      });
      text(task, 'id', 'created task');
      ctx.taskId = task.id;
    },
  },
  {
    name: 'tasks.start',
    needs: ['taskId'],
    async run({ client, taskId }) {
      const task = await client.tasks.start(taskId);
      equal(task.id, taskId, 'started task.id');
      equal(task.status, 'active', 'started task.status');
    },
  },
  {
    name: 'tasks.suspend',
    needs: ['taskId'],
    async run({ client, taskId }) {
      const task = object(await client.tasks.suspend(taskId), 'suspend answer');
      equal(task.id, taskId, 'suspended task.id');
      equal(task.status, 'suspended', 'suspended task.status');
    },
  },
  {
    name: 'tasks.stop',
    needs: ['taskId'],
    async run({ client, taskId }) {
      const task = await client.tasks.stop(taskId);
      equal(task.id, taskId, 'stopped task.id');
      equal(task.status, 'inactive', 'stopped task.status');
    },
  },
  {
    name: 'tasks.retrieveStep (new task)',
    needs: ['taskId'],
    async run({ client, taskId }) {
      const step = object(await client.tasks.retrieveStep(taskId, 'step_1'), 'step_1');
      equal(step.config, { interval: 'minute' }, 'step_1.config');
    },
  },
  {
    name: 'tasks.delete',
    needs: ['taskId'],
    async run({ client, taskId }) {
      const task = await client.tasks.delete(taskId);
      equal(task.id, taskId, 'deleted task.id');
      equal(task.status, 'deleted', 'deleted task.status');
      check((await failure(client.tasks.start(taskId), 'start after delete')) === 404,
        'starting a deleted task should answer 404');
    },
  },
];

const exec = [
  {
    name: 'exec.schedule',
    async run(ctx) {
      const scheduled = await ctx.client.exec.schedule({
        execution_type: 'verify_credentials',
        component: ctx.seed.component_ids.petstore,
        account_data: { apiKey: 'interop-key' },
      });
      equal(scheduled.message, 'ok', 'schedule message');
      const location = text(scheduled, 'location', 'schedule answer');
      const match = /\/v1\/exec\/poll\/([^/?#]+)$/.exec(location);
      check(match !== null, `location should end in /v1/exec/poll/{id}, got ${location}`);
      ctx.executionId = decodeURIComponent(match[1]);
    },
  },
  {
    name: 'exec.pollResult',
    needs: ['executionId'],
    async run({ client, executionId }) {
      let polled = { ready: false };
      for (let attempt = 0; attempt < POLLS && !polled.ready; attempt += 1) {
        if (attempt > 0) await sleep(POLL_PAUSE_MS);
        polled = await client.exec.pollResult(executionId);
      }
      check(polled.ready, `no result after ${POLLS} polls`);
      const data = object(object(polled.result, 'result').data, 'result.data');
      equal(data.verified, true, 'result.data.verified');
      // A result is given once: polling again must not hand it out a second time.
      check((await failure(client.exec.pollResult(executionId), 'second poll')) === 404,
        'polling a result already fetched should answer 404');
    },
  },
];

const resources = [
  {
    name: 'resources.s3.createSignedUrl',
    async run({ client }) {
      await checkSignedUrl(await client.resources.s3.createSignedUrl(), 's3');
    },
  },
];

/** The signed URL's shape, then a round trip: PUT bytes to put_url, GET them from get_url. */
async function checkSignedUrl(answer, what) {
  const putUrl = text(answer, 'put_url', what);
  const getUrl = text(answer, 'get_url', what);
  check(typeof answer.expires === 'number' && answer.expires > 0,
    `${what}.expires should be a positive number, got ${answer.expires}`);
  const bytes = `interop ${what} ${Date.now()}`;
  const put = await fetch(putUrl, { method: 'PUT', body: bytes });
  check(put.ok, `PUT put_url answered ${put.status}`);
  const got = await fetch(getUrl);
  check(got.ok, `GET get_url answered ${got.status}`);
  equal(await got.text(), bytes, `${what} bytes read back from get_url`);
}

const recipes = [
  {
    name: 'recipes.list',
    async run(ctx) {
      const list = array(await ctx.client.recipes.list(), 'recipes');
      for (const recipe of list) text(recipe, 'id', 'recipe');
      const recipeId = ctx.seed.recipe_id || (list[0] && list[0].id);
      check(recipeId !== undefined, 'no recipe: the seed has no recipe_id and the list is empty');
      if (ctx.seed.recipe_id) find(list, ctx.seed.recipe_id, 'recipes');
      ctx.recipeId = recipeId;
    },
  },
  {
    name: 'recipes.retrieve',
    needs: ['recipeId'],
    async run({ client, recipeId }) {
      equal(object(await client.recipes.retrieve(recipeId), 'recipe').id, recipeId, 'recipe.id');
    },
  },
  {
    name: 'recipes.activate',
    needs: ['recipeId'],
    async run({ client, recipeId }) {
      // Undocumented since 2015: any JSON object is taken as success.
      check(isObject(await client.recipes.activate(recipeId, {})), 'activate: expected an object');
    },
  },
];

module.exports = {
  checkSignedUrl,
  steps: [
    ...users, ...teams, ...repos, ...components, ...sshkeys, ...accounts, ...tasks, ...exec,
    ...resources, ...recipes,
  ],
};
