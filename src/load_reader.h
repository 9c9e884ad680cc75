// SPDX-License-Identifier: EUPL-1.2
// The loader's reading of one file (private to the load_*.cc files): typed
// accessors that turn YAML nodes into model fields, reporting the schema
// rules (schema/type, schema/enum, schema/id, date/invalid…), and Map, which
// checks a mapping's keys against its table in keys.h. Each type of value is
// read in exactly one place, here, so each schema rule has one
// implementation; the load_*.cc files say which key holds what.
#pragma once
#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cls/diagnostic.h"
#include "cls/keys.h"
#include "cls/model.h"
#include "cls/yaml_tree.h"

namespace cls::load {

// What a YAML node is, in words for a schema/type message.
std::string describe(const YamlNode& n);

bool is_valid_id(std::string_view id);

class Reader {
 public:
  Reader(std::uint32_t file, Diagnostics& diags) : file_(file), diags_(diags) {}

  Loc loc(const YamlNode& n) const { return Loc{file_, n.line, n.col}; }
  Diagnostics& diags() { return diags_; }

  // A mapping's keys, checked against its table: an unknown key is
  // schema/unknown-key (with the nearest known key), a required key absent
  // or empty is schema/missing-key. Kept on the stack: a national project
  // has tens of thousands of mappings.
  class Map {
   public:
    static constexpr std::size_t kMaxKeys = 32;

    // `what` names the mapping in messages when the table's name does not
    // (a period read as a "mandate").
    Map(Reader& r, const YamlNode& node, const keys::MapDef& def, std::string_view what = {});

    // The value of `key`, or nullptr when absent or null.
    const YamlNode* get(std::string_view key) const {
      const YamlNode* v = values_[slot(key)];
      return v && !v->is_null() ? v : nullptr;
    }
    // Position of the key itself (or of the mapping when absent).
    Loc key_loc(std::string_view key) const {
      const YamlNode* k = key_nodes_[slot(key)];
      return r_.loc(k ? *k : node_);
    }
    Loc loc() const { return r_.loc(node_); }
    // Whether the key is written at all (even with an empty value).
    bool has(std::string_view key) const { return key_nodes_[slot(key)] != nullptr; }
    const keys::KeyDef& def(std::string_view key) const { return def_.keys[slot(key)]; }
    std::string_view what() const { return what_; }

    // The value of a Type::choice key, mapped in the order of the table's
    // values: `in_order[i]` for the value `def(key).values[i]`.
    template <class E>
    Field<E> choice(std::string_view key, std::initializer_list<E> in_order, std::string_view what) const;

   private:
    // The slot of a key of the table; asking for any other key is a bug of
    // the loader (std::logic_error), caught by the tests.
    std::size_t slot(std::string_view key) const;

    Reader& r_;
    const YamlNode& node_;
    const keys::MapDef& def_;
    std::string_view what_;
    std::array<const YamlNode*, kMaxKeys> values_{};
    std::array<const YamlNode*, kMaxKeys> key_nodes_{};
  };

  bool expect_map(const YamlNode& n, std::string_view what);
  void type_error(const YamlNode& n, const std::string& expected);

  Field<std::string> text(const YamlNode* n);
  // An e-mail address (mail.h is_email_address()); schema/type otherwise.
  Field<std::string> email(const YamlNode* n);
  // A number: finite, decimal notation (no .nan, .inf or 1e400), and at most
  // 10^15 in magnitude, so that the sums and differences of the roll-up stay
  // finite (cls-check(1), LIMITS).
  Field<double> number(const YamlNode* n);
  // A weight (§3): a number of 0 or more.
  Field<double> weight(const YamlNode* n);
  Field<int> integer(const YamlNode* n, int min = 0);
  Field<bool> boolean(const YamlNode* n);
  Field<Date> date(const YamlNode* n);
  Field<TimeOfDay> time(const YamlNode* n);
  Field<Money> money(const YamlNode* n);
  Field<Quorum> quorum(const YamlNode* n);
  // `second_call`: true or false, or the id of the meeting whose quorum
  // failed (then `called` is true and `first_call` names it).
  void second_call(const YamlNode* n, Field<bool>& called, std::optional<Ref>& first_call);

  // An entity's own id (schema/id when malformed); `at` is set to its place.
  std::string id(const YamlNode* n, Loc& at);
  void bad_id(const YamlNode& n);

  // INSEE commune codes (SPEC §11): a list of 5-character codes, digits or
  // 2A/2B then three digits (Corsica); schema/type otherwise.
  std::vector<Ref> communes(const YamlNode* n);
  // Themes ({id, title}) of cls.yaml or region.yaml.
  std::vector<Theme> themes(const YamlNode* n);

  std::optional<Ref> ref(const YamlNode* n);
  std::vector<Ref> refs(const YamlNode* n);
  // A mapping of id to id (attendance.proxies, attendance.representatives);
  // `example` completes the schema/type message.
  std::vector<std::pair<Ref, Ref>> ref_map(const YamlNode* n, std::string_view example);

  // A value among `names` (schema/enum, listing them, otherwise): its index.
  std::optional<std::size_t> choice_index(const YamlNode& n, std::span<const std::string_view> names,
                                          std::string_view what);

  std::optional<Period> period(const YamlNode* n, std::string_view what);

  // Calls `each` for every mapping of a list (reporting items that are not),
  // `out` being the vector that `each` fills: sized once for the list.
  template <class T, class F>
  void each_map(const YamlNode* n, std::string_view what, std::vector<T>& out, F&& each) {
    if (!n) return;
    if (!n->is_seq()) {
      type_error(*n, "a list of " + std::string(what));
      return;
    }
    out.reserve(out.size() + n->children.size());
    for (const auto& item : n->children) {
      if (expect_map(item, what)) each(item);
    }
  }

  static bool parse_number(const std::string& t, double& v);

 private:
  std::uint32_t file_;
  Diagnostics& diags_;
};

template <class E>
Field<E> Reader::Map::choice(std::string_view key, std::initializer_list<E> in_order, std::string_view what) const {
  Field<E> f;
  const YamlNode* n = get(key);
  if (!n) return f;
  f.loc = r_.loc(*n);
  const auto names = def(key).values;
  if (names.size() != in_order.size()) throw std::logic_error("keys.cc and the loader disagree on " + std::string(key));
  if (auto i = r_.choice_index(*n, names, what)) f.set(in_order.begin()[*i]);
  return f;
}

// The readers of each kind of file (load_manifest.cc, load_actors.cc,
// load_actions.cc, load_meetings.cc).
void read_manifest(Reader& r, const YamlNode& root, Manifest& m);
void read_actor(Reader& r, const YamlNode& n, std::vector<Actor>& out);
void read_action(Reader& r, const YamlNode& n, std::vector<Action>& out);
void read_meeting(Reader& r, const YamlNode& n, std::vector<Meeting>& out);

}  // namespace cls::load
