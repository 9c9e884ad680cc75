#!/usr/bin/env node
// SPDX-License-Identifier: EUPL-1.2
// The peer of the cls benchmark: what a team would write in an afternoon with
// public tools. It loads every YAML file of a project with js-yaml and validates
// it against the JSON Schemas that `cls schema` writes (draft-07) with ajv. No reference checks,
// no roll-ups: only syntax and shape.
//
//   node validate.js [PROJECT_DIR]      (default: the current directory)
//
// Prints one line per error on standard error (FILE: PATH MESSAGE) and the count
// on standard output. Exit status: 0 no error, 1 errors, 2 could not run.
'use strict';

const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');
const Ajv = require('ajv');  // draft-07, the draft of `cls schema`

const root = path.resolve(process.argv[2] || '.');
if (process.argv.length > 3 || !fs.existsSync(path.join(root, 'cls.yaml'))) {
  process.stderr.write(`usage: node validate.js [PROJECT_DIR]  (no cls.yaml in ${root})\n`);
  process.exit(2);
}

// The schemas `cls schema DIR` writes (bench/run.sh writes them into
// CLS_SCHEMA_DIR): the same key tables as the loader's, so the peer checks
// exactly the keys and values cls knows.
const schemaDir = process.env.CLS_SCHEMA_DIR || path.join(__dirname, 'schema');
// multipleOf 0.01 on binary floats needs a tolerance: 1e-6 of a cent. Not
// strict: the schemas carry enumDescriptions for editors, which ajv ignores.
const ajv = new Ajv({allErrors: true, strict: false, multipleOfPrecision: 6});
try {
  require('ajv-formats')(ajv, ['date']);  // ajv 8; ajv 6 knows `date` itself
} catch (e) { /* ajv 6 */ }
const load = (f) => JSON.parse(fs.readFileSync(path.join(schemaDir, `${f}.schema.json`), 'utf8'));
const manifest = load('cls');
const validators = {manifest: ajv.compile(manifest)};
// A file of actors/, actions/ or meetings/ holds one entity or a list of them
// (the top-level anyOf of each schema); validating each entity on its own gives
// the same verdict with precise error paths.
for (const [kind, entity] of [['actors', 'actor'], ['actions', 'action'], ['meetings', 'meeting']]) {
  const s = load(kind);
  validators[kind] = ajv.compile({$schema: s.$schema, definitions: s.definitions, $ref: `#/definitions/${entity}`});
}

let files = 0;
let errors = 0;
const out = [];

function report(rel, where, message) {
  errors++;
  if (out.length < 1000) out.push(`${rel}: ${where}${where ? ' ' : ''}${message}`);
}

function check(rel, validate) {
  files++;
  let data;
  try {
    // CORE_SCHEMA: no YAML timestamp typing, so 2026-12-03 stays the string the
    // schema expects (SPEC §1.1: quoted or not, it is the same date).
    data = yaml.load(fs.readFileSync(path.join(root, rel), 'utf8'),
                     {filename: rel, schema: yaml.CORE_SCHEMA});
  } catch (e) {
    report(rel, '', `yaml: ${e.reason || e.message}` +
           (e.mark ? ` (line ${e.mark.line + 1}, column ${e.mark.column + 1})` : ''));
    return;
  }
  const entities = Array.isArray(data) && validate !== validators.manifest ? data : [data];
  entities.forEach((entity, i) => {
    if (!validate(entity)) {
      const prefix = entities === data ? `/${i}` : '';
      for (const e of validate.errors) {
        report(rel, prefix + (e.instancePath ?? e.dataPath), e.message +
               (e.params && e.params.additionalProperty ? ` '${e.params.additionalProperty}'` : '') +
               (e.params && e.params.allowedValues ? `: ${e.params.allowedValues.join(', ')}` : ''));
      }
    }
  });
}

check('cls.yaml', validators.manifest);
for (const kind of ['actors', 'actions', 'meetings']) {
  const dir = path.join(root, kind);
  if (!fs.existsSync(dir)) continue;
  const names = fs.readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  for (const name of names) check(`${kind}/${name}`, validators[kind]);
}

if (out.length) process.stderr.write(out.join('\n') + '\n');
process.stdout.write(`${files} files, ${errors} error${errors === 1 ? '' : 's'}\n`);
process.exit(errors ? 1 : 0);
