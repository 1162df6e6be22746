'use strict';
/**
 * The client's v2 methods: storage signed URL, an auth secret, topics. v2 answers are
 * JSON:API documents, except the signed URL (plain `{put_url, get_url, expires}`).
 */

const {
  array, check, equal, find, object, text,
} = require('./harness');
const { checkSignedUrl } = require('./v1');

function resource(document, type, what) {
  const data = object(object(document, what).data, `${what}.data`);
  equal(data.type, type, `${what}.data.type`);
  text(data, 'id', `${what}.data`);
  object(data.attributes, `${what}.data.attributes`);
  return data;
}

module.exports.steps = [
  {
    name: 'resources.storage.createSignedUrl',
    async run({ client }) {
      await checkSignedUrl(await client.resources.storage.createSignedUrl(), 'storage');
    },
  },
  {
    name: 'secrets.retrieve',
    async run({ client, seed }) {
      check(seed.secret_id !== undefined,
        'the seed has no secret_id (no auth secrets in this emulator)');
      const secret = resource(
        await client.secrets.retrieve(seed.workspace_id, seed.secret_id), 'auth-secret', 'secret',
      );
      equal(secret.id, seed.secret_id, 'secret id');
      text(secret.attributes, 'name', 'secret.attributes');
      text(secret.attributes, 'state', 'secret.attributes');
    },
  },
  {
    name: 'topics.list',
    async run({ client, seed }) {
      const document = object(await client.topics.list(seed.workspace_id), 'topics');
      const topic = find(array(document.data, 'topics.data'), seed.topic_id, 'topics.data');
      equal(topic.type, 'topic', 'topic.type');
      equal(object(topic.attributes, 'topic.attributes').name, 'Person', 'topic name');
    },
  },
  {
    name: 'topics.getOne',
    async run({ client, seed }) {
      const topic = resource(
        await client.topics.getOne(seed.workspace_id, seed.topic_id), 'topic', 'topic',
      );
      equal(topic.id, seed.topic_id, 'topic id');
      equal(topic.attributes.name, 'Person', 'topic name');
      equal(object(topic.attributes.schema, 'topic schema').title, 'Person', 'schema title');
    },
  },
];
