// SPDX-License-Identifier: EUPL-1.2
// The model's compact value types: what the memory saving must not change.
#include "cls/model.h"

#include <doctest/doctest.h>

using namespace cls;

TEST_CASE("a Loc is 8 bytes and clamps what does not fit") {
  static_assert(sizeof(Loc) == 8);
  const Loc at{12, 345, 67};
  CHECK(at.file == 12);
  CHECK(at.line == 345);
  CHECK(at.col == 67);
  CHECK(at.known());
  CHECK_FALSE(Loc().known());
  // Past 22 bits of line, 21 of column: the largest number, not a wrapped one.
  const Loc far{1, 5'000'000, 3'000'000};
  CHECK(far.line == Loc::kMaxLine);
  CHECK(far.col == Loc::kMaxCol);
  CHECK(Loc(Loc::kMaxFiles, 1, 1).file == Loc::kMaxFiles);
  CHECK_FALSE(Loc(UINT32_MAX, 1, 1).known());
}

TEST_CASE("a Field says whether it has a value, whatever is done to its Loc") {
  Field<double> f;
  CHECK_FALSE(f.has());
  CHECK(f.value_or(7) == 7);
  f.loc = Loc{0, 3, 5};
  CHECK_FALSE(f.has());  // a position alone is not a value
  f.set(2.5);
  CHECK(f.has());
  CHECK(*f == 2.5);
  f.loc = Loc{0, 4, 1};  // a new position keeps the value
  CHECK(f.has());
  CHECK(std::as_const(f).loc.line == 4);

  const Field<double> copy = f;
  CHECK(copy.has());
  CHECK(*copy == 2.5);
  CHECK(copy.loc.line == 4);
  const Loc plain = copy.loc;  // the position only
  Field<double> other;
  other.loc = plain;
  CHECK_FALSE(other.has());

  Field<double> moved = std::move(f);
  CHECK(moved.has());
  f.reset();
  CHECK_FALSE(f.has());
  CHECK_FALSE(f.get().has_value());
  moved = Field<double>();
  CHECK_FALSE(moved.has());

  Field<std::string> text("Ateliers", Loc{1, 2, 3});
  CHECK(text.has());
  CHECK(text->size() == 8);
  text.set_or_reset(std::nullopt);
  CHECK_FALSE(text.has());
  CHECK(std::as_const(text).loc.line == 2);
}

TEST_CASE("a reading's note is kept out of line and copied with it") {
  Reading r;
  CHECK_FALSE(r.note().has());
  CHECK_FALSE(r.note().loc.known());
  r.set_note(Field<std::string>("deux ateliers annulés", Loc{0, 9, 30}));
  Reading copy = r;
  CHECK(*copy.note() == "deux ateliers annulés");
  CHECK(copy.note().loc.col == 30);
  r.set_note(Field<std::string>());
  CHECK_FALSE(r.note().has());
  CHECK(copy.note().has());
  copy = r;
  CHECK_FALSE(copy.note().has());
}
