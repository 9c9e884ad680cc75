// SPDX-License-Identifier: EUPL-1.2
// The streaming JSON writer prints what nlohmann::json::dump(2) printed, so
// that the report's JSON contract did not move when the tree went away.
#include "cls/json_writer.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

using namespace cls;
using Json = nlohmann::ordered_json;

namespace {

std::string dumped(const Json& j) { return j.dump(2, ' ', false) + "\n"; }

}  // namespace

TEST_CASE("nested objects and arrays, empty ones included, as nlohmann dumps them") {
  JsonWriter w;
  w.begin_object();
  w.key("as_of").value("2026-06-30");
  w.key("empty_object").begin_object().end_object();
  w.key("empty_array").begin_array().end_array();
  w.key("list").begin_array().value(1).value(true).null().begin_object().key("a").value(false).end_object().end_array();
  w.key("nested").begin_array().begin_array().end_array().begin_array().value("x").end_array().end_array();
  w.end_object();
  const Json expected = {{"as_of", "2026-06-30"},
                         {"empty_object", Json::object()},
                         {"empty_array", Json::array()},
                         {"list", {1, true, nullptr, {{"a", false}}}},
                         {"nested", {Json::array(), {"x"}}}};
  CHECK(w.finish() == dumped(expected));
}

TEST_CASE("a document that is one value, or an empty container") {
  CHECK(JsonWriter().value(12).finish() == "12\n");
  CHECK(JsonWriter().begin_array().end_array().finish() == "[]\n");
  CHECK(JsonWriter().begin_object().end_object().finish() == "{}\n");
}

TEST_CASE("numbers: integers as such, doubles in nlohmann's shortest form, no NaN") {
  const double values[] = {0.4213, 0.0001, 1e-05, 4500.5, 20.0, -0.0, 1e300, -12.75, 0.1 + 0.2, 1.0 / 3};
  JsonWriter w;
  Json expected = Json::array();
  w.begin_array();
  for (double v : values) {
    w.value(v);
    expected.push_back(v);
  }
  w.value(std::int64_t{-9007199254740993}).value(std::size_t{42});
  expected.push_back(std::int64_t{-9007199254740993});
  expected.push_back(42);
  w.value(std::nan("")).value(std::numeric_limits<double>::infinity());
  expected.push_back(nullptr);
  expected.push_back(nullptr);
  w.end_array();
  CHECK(w.finish() == dumped(expected));
}

TEST_CASE("text: quotes, backslashes and control characters escaped, UTF-8 kept") {
  const std::string s = std::string("l’école \"ÉÉ\" \\ \b\f\n\r\t\x01\x1f\x7f 😀 ") + '\0' + "end";
  JsonWriter w;
  w.begin_object().key(s).value(s).end_object();
  CHECK(w.finish() == dumped(Json{{s, s}}));
}

TEST_CASE("with a sink, the document goes to the stream, the same") {
  std::FILE* f = std::tmpfile();
  REQUIRE(f);
  JsonWriter w(f);
  w.begin_array();
  const std::string long_text(3000, 'x');
  for (int i = 0; i < 1000; ++i) w.begin_object().key("i").value(i).key("t").value(long_text).end_object();
  w.end_array();
  CHECK(w.finish().empty());
  JsonWriter s;
  s.begin_array();
  for (int i = 0; i < 1000; ++i) s.begin_object().key("i").value(i).key("t").value(long_text).end_object();
  s.end_array();
  const std::string expected = s.finish();
  std::string written(static_cast<std::size_t>(std::ftell(f)), '\0');
  std::rewind(f);
  CHECK(std::fread(written.data(), 1, written.size(), f) == written.size());
  std::fclose(f);
  CHECK(written.size() > (2u << 20));  // flushed more than once
  CHECK(written == expected);
}
