// SPDX-License-Identifier: EUPL-1.2
// The French words coordinators write for the format's keys and values
// (`partenaires:` for `partners:`, `statut: en-cours` for `in-progress`),
// and the French names of the values, which schemas show in editors. One
// table, read by the loader's suggestions (schema/unknown-key, schema/enum),
// the command line's, and `cls schema`.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace cls::words {

// A word folded for comparison: lower case, accents dropped (é, è, ê → e,
// composed or decomposed), œ → oe, and '_' or ' ' as '-'.
std::string fold(std::string_view word);

// The key or value among `candidates` that a word stands for: the candidate
// the French word names (`porteur` → `lead`, `terminé` → `done`), else the
// nearest candidate by spelling (cls::nearest), else the candidate nearest
// to a misspelt French word (`partenaire` → `partners`); "" when none.
std::string suggest(std::string_view word, const std::vector<std::string_view>& candidates);

// The French name of a value of a choice (`planned` → « prévue »), as a
// schema describes it; "" when there is none.
std::string_view french_label(std::string_view value);

// Every French word of the table and what it stands for (for the tests).
struct FrenchWord {
  std::string_view french;
  std::string_view english;
};
std::vector<FrenchWord> french_words();

}  // namespace cls::words
