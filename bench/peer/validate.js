#!/usr/bin/env node
// SPDX-License-Identifier: EUPL-1.2
// The peer of the cls benchmark: what a team would write in an afternoon with
// public tools. It loads every YAML file of a project with js-yaml and validates
// it against the JSON Schemas of schema/ (SPEC §1) with ajv. No reference checks,
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
const Ajv2020 = require('ajv/dist/2020');
const addFormats = require('ajv-formats');

const root = path.resolve(process.argv[2] || '.');
if (process.argv.length > 3 || !fs.existsSync(path.join(root, 'cls.yaml'))) {
  process.stderr.write(`usage: node validate.js [PROJECT_DIR]  (no cls.yaml in ${root})\n`);
  process.exit(2);
}

// multipleOf 0.01 on binary floats needs a tolerance: 1e-6 of a cent.
const ajv = new Ajv2020({allErrors: true, strict: true, multipleOfPrecision: 6});
addFormats(ajv, ['date', 'email', 'uri']);
const schemaDir = path.join(__dirname, 'schema');
const BASE = 'https://cls.example.org/schema/';
for (const f of ['common', 'manifest', 'actor', 'action', 'meeting']) {
  ajv.addSchema(JSON.parse(fs.readFileSync(path.join(schemaDir, `${f}.schema.json`), 'utf8')));
}
const validators = {
  manifest: ajv.getSchema(`${BASE}manifest.schema.json`),
  // A file of actors/, actions/ or meetings/ holds one entity or a list of them
  // (the top-level anyOf of each schema); validating each entity on its own gives
  // the same verdict with precise error paths.
  actors: ajv.getSchema(`${BASE}actor.schema.json#/$defs/actor`),
  actions: ajv.getSchema(`${BASE}action.schema.json#/$defs/action`),
  meetings: ajv.getSchema(`${BASE}meeting.schema.json#/$defs/meeting`),
};

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
        report(rel, prefix + e.instancePath, e.message +
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
