'use strict';
// Confluent's own Avro serde (@confluentinc/schemaregistry), driven by ConfluentJavaScriptInteropIT to check
// that our serde (io.banksuite.schemas.serde) is byte-compatible with it.
//
//   node confluent-interop.js serialize   < {"registryUrl", "topic", "schema", "records": [{...}]}
//        > {"schemaId", "messages": ["<hex>"]}
//   node confluent-interop.js deserialize < {"registryUrl", "topic", "schema"?, "messages": ["<hex>"]}
//        > {"schemaId"?, "records": [{...}]}
//
// "schema" is the text of the Avro schema to register under "{topic}-value"; the schemaId answered is the id the
// registry gave that registration.
//
// Installed by the test (ConfluentJavaScript.java) with npm ci into target/js-interop, from package.json (exact
// version pin) and package-lock.json. To move to another version: change package.json, then run here
// `npm install --package-lock-only --ignore-scripts` (writes only the lock; .npmrc keeps download addresses out).
//
// Records are plain JSON as avsc holds them: longs (timestamp-micros too) as numbers, enums as symbol strings,
// nullable unions unwrapped (null or the value). Diagnostics go to stderr; any failure exits with status 1.
//
// How Confluent's JS serializer gets the schema, and why it is not autoRegisterSchemas: true here:
//   with autoRegisterSchemas the JS AvroSerializer does not take a schema at all: it infers one from the value
//   (avsc Type.forValue: record "Record1", longs as int/float, enums as string, no unions) and registers that.
//   The only way to have it write TransactionCreated.avsc is to register the schema with the client (the very
//   call autoRegisterSchemas makes: POST /subjects/{s}/versions?normalize=false) and serialize with
//   useLatestVersion: true (GET /subjects/{s}/versions/latest), as Confluent's README does.
// subjectNameStrategyType TOPIC: the default, ASSOCIATED, first asks GET /associations/resources/-/{topic},
//   which Apicurio's ccompat API answers 404; the client then falls back to TOPIC anyway. TOPIC ({topic}-value)
//   is what our serde and Confluent's Java KafkaAvroSerializer use by default.
// The other calls, all accepted by Apicurio 2.4.2's /apis/ccompat/v7: POST /subjects/{s}/versions?normalize=false,
//   GET /subjects/{s}/versions/latest, GET /schemas/ids/{id}?subject={s}.
// Schema ids: Apicurio 2.4.2 keys ids by the exact text registered (normalize=true does not help), Confluent
//   Schema Registry by the parsed schema (it stores and hashes the canonical form). So the .avsc file as written
//   and Avro's Schema.toString() of the same schema get one id on Confluent's registry but two on Apicurio.
const {
  SchemaRegistryClient, SerdeType, SubjectNameStrategyType, AvroSerializer, AvroDeserializer,
} = require('@confluentinc/schemaregistry');

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

async function register(client, topic, schema) {
  return client.register(`${topic}-value`, { schemaType: 'AVRO', schema }, false);
}

async function serialize(client, request) {
  const schemaId = await register(client, request.topic, request.schema);
  const serializer = new AvroSerializer(client, SerdeType.VALUE, {
    autoRegisterSchemas: false,
    useLatestVersion: true,
    normalizeSchemas: false,
    subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
  });
  const messages = [];
  for (const record of request.records) {
    messages.push((await serializer.serialize(request.topic, record)).toString('hex'));
  }
  return { schemaId, messages };
}

async function deserialize(client, request) {
  const deserializer = new AvroDeserializer(client, SerdeType.VALUE, {
    subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
  });
  const records = [];
  for (const hex of request.messages) {
    records.push(await deserializer.deserialize(request.topic, Buffer.from(hex, 'hex')));
  }
  const response = { records };
  if (request.schema) {
    response.schemaId = await register(client, request.topic, request.schema);
  }
  return response;
}

async function main() {
  const command = process.argv[2];
  const commands = { serialize, deserialize };
  if (!commands[command]) {
    throw new Error(`usage: node confluent-interop.js serialize|deserialize < request.json (got "${command}")`);
  }
  const request = await readStdin();
  const client = SchemaRegistryClient.newClient({ baseURLs: [request.registryUrl] });
  const response = await commands[command](client, request);
  process.stdout.write(JSON.stringify(response));
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  if (error && error.status) {
    console.error(`registry answered HTTP ${error.status}, error code ${error.errorCode}`);
  }
  process.exit(1);
});
