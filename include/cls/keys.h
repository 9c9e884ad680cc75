// SPDX-License-Identifier: EUPL-1.2
// The keys of the file format (SPEC §1, §8, §11): for each kind of mapping a
// project's files hold, the keys it may have, their type, whether they are
// required, their allowed values and what they mean. One table, read by the
// loader (which refuses any other key and reads each one through its type)
// and by whatever documents the format (`cls schema`, cls-format(5)), so that
// a key added to the loader is documented and schema-checked at once.
#pragma once
#include <span>
#include <string_view>

namespace cls::keys {

// How a key's value is written. The loader reads each type in one place
// (load_reader.h); the schema generator gives each type its JSON Schema.
enum class Type {
  text,      // a scalar, kept as written
  markdown,  // a scalar holding GitHub-flavoured Markdown (SPEC §1.1)
  email,     // one e-mail address, name@example.org (mail.h is_email_address(), SPEC §10)
  id,        // the entity's own id: [A-Za-z0-9][A-Za-z0-9._-]*, at most 64
  ref,       // the id of another entity
  refs,      // a list of ids
  ref_map,   // a mapping of id to id (attendance.proxies: giver → holder)
  date,      // YYYY-MM-DD, an existing date
  time,      // HH:MM, 24 h
  number,    // a decimal number, at most 10^15 in magnitude
  weight,    // a number of 0 or more
  integer,   // a whole number of 0 or more
  boolean,   // true | false, unquoted
  money,     // euros, 0 or more, at most two decimals
  quorum,    // "1/2", "0.5" or "50%": a fraction in (0, 1]
  second_call,  // true | false, or the id of a meeting (the failed séance a second call follows)
  choice,    // one of `values`
  map,       // a mapping: the keys of `map`
  list,      // a list of mappings, each with the keys of `map`
  amounts,   // money, or a list of mappings with the keys of `map` (dated amounts, summed: budget.spent)
  communes,  // a list of INSEE commune codes: 5 characters, digits, or 2A/2B then 3 digits (Corsica)
  paths,     // a list of relative paths of folders (region.yaml: the projects)
};

struct MapDef;

struct KeyDef {
  std::string_view name;
  Type type = Type::text;
  bool required = false;
  std::string_view fr;  // what the key means, in French (schemas, editors)
  std::string_view en;  // the same in English (cls-format(5))
  const MapDef* map = nullptr;                     // Type::map and Type::list
  std::span<const std::string_view> values = {};   // Type::choice, in the order the loader maps them
  std::string_view default_value = {};             // as a user would write it; empty: none
};

// A kind of mapping: an actor, a meeting's attendance, a funding line…
struct MapDef {
  std::string_view name;  // as messages name it: "actor", "agenda item"
  std::span<const KeyDef> keys;
  std::string_view fr, en;

  // The key named `key`, or nullptr.
  const KeyDef* find(std::string_view key) const;
};

// cls.yaml and what it holds.
extern const MapDef manifest, organisation, contact, period, axis, objective, body, bounds, college, theme;
// actors/*.yaml
extern const MapDef actor;
// actions/*.yaml
extern const MapDef action, budget, funding, spending, indicator, reading, status_change;
// region.yaml (SPEC §11): a region of projects and its shared themes
extern const MapDef region;
// meetings/*.yaml
extern const MapDef meeting, convocation, agenda_item, attachment, decision, vote, dissent, followup, attendance;

// The kinds of files of a project: where they lie and what they hold.
struct FileKind {
  std::string_view name;    // "cls.yaml", "actors", "actions", "meetings"
  std::string_view folder;  // "" for a file at the root
  const MapDef* root;
  bool one_or_list;  // a mapping, or a list of them (SPEC §1)
  std::string_view fr, en;
};
std::span<const FileKind> file_kinds();
// region.yaml, at the root of a folder of projects (not a file of a project).
const FileKind& region_file_kind();

}  // namespace cls::keys
