// Writes the published JSON Schemas (schemas/*.json) from the TypeBox definitions in the build.
// A test compares the committed files with these, so they cannot drift.
import { writeFileSync } from 'node:fs';
import { publishedSchemas } from '../dist/index.js';

for (const [name, schema] of Object.entries(publishedSchemas())) {
  writeFileSync(new URL(`../schemas/${name}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schemas/${name}`);
}
