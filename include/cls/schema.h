// SPDX-License-Identifier: EUPL-1.2
// JSON Schemas (draft-07) of a project's files, built from the loader's key
// tables (keys.h): one schema per kind of file (keys::file_kinds()), with the
// French description of every key, the allowed values of every choice and
// the defaults. They accept what the loader accepts: numbers quoted or not,
// `quorum: 50%`, amounts with at most two decimals, dates and times written
// as text. Editors' YAML language servers read them (`cls schema`, `cls init`).
#pragma once
#include <string>
#include <vector>

#include "cls/keys.h"

namespace cls::schema {

struct SchemaFile {
  const keys::FileKind* kind;
  std::string name;  // "cls.schema.json", "actors.schema.json"…
  std::string glob;  // the files it applies to, from a project's root: "cls.yaml", "actors/*.yaml"
  std::string json;  // the schema, indented, ending with a newline
};

// The kinds of files that get a schema and a section of cls-format(5): a
// project's (keys::file_kinds()), and the files beside projects: region.yaml
// (SPEC §11) is one line in kinds() (schema.cc) once keys.h declares
// keys::region_file_kind().
std::vector<const keys::FileKind*> kinds();

// The file name of a kind's schema: its name without ".yaml", then ".schema.json".
std::string file_name(const keys::FileKind& kind);

// One schema per kind of file, in the order of kinds().
std::vector<SchemaFile> schemas();

// The keys of every kind of file as cls-format(5) lists them (roff, in
// English): each mapping with its place, each key with its type, whether it
// is required or its default, its values and what it means. The page holds
// it between its BEGIN KEYS and END KEYS lines; schema_test.cc checks that
// it is the tables' (CLS_UPDATE_MAN=1 rewrites it).
std::string manual_keys();

// The folder of a project where `cls init` writes the schemas, from its root.
inline constexpr const char* kProjectFolder = ".cls/schemas";

}  // namespace cls::schema
