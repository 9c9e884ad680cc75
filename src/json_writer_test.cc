// SPDX-License-Identifier: EUPL-1.2
// The streaming JSON writer lays documents out as nlohmann::json::dump(2)
// did, so that the report's JSON contract did not move when the tree went
// away; its numbers are the shortest round trip (SPEC §9).
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

TEST_CASE("numbers: integers as such, doubles in the shortest form that reads back, no NaN") {
  const double third = 1.0 / 3;
  JsonWriter w;
  w.begin_array();
  for (double v : {0.4213, 0.0001, 1e-05, 4500.5, 20.0, -0.0, 1e300, -12.75, 0.1 + 0.2, third}) w.value(v);
  w.value(std::int64_t{-9007199254740993}).value(std::size_t{42}).value(std::uint64_t{18446744073709551615u});
  w.value(std::nan("")).value(std::numeric_limits<double>::infinity());
  w.end_array();
  const std::string out = w.finish();
  CHECK(out ==
        "[\n  0.4213,\n  1e-04,\n  1e-05,\n  4500.5,\n  20,\n  -0,\n  1e+300,\n  -12.75,\n"
        "  0.30000000000000004,\n  0.3333333333333333,\n  -9007199254740993,\n  42,\n  18446744073709551615,\n"
        "  null,\n  null\n]\n");
  // Every double reads back to itself.
  const Json back = Json::parse(out);
  CHECK(back[8].get<double>() == 0.1 + 0.2);
  CHECK(back[9].get<double>() == third);
}

TEST_CASE("a nlohmann tree is laid out as dump(2), with exact numbers") {
  const nlohmann::ordered_json tree = {{"b", 1}, {"a", {1.0 / 3, true, nullptr, "x"}}, {"e", nlohmann::ordered_json::object()}};
  const std::string text = json_text(tree);
  CHECK(text == "{\n  \"b\": 1,\n  \"a\": [\n    0.3333333333333333,\n    true,\n    null,\n    \"x\"\n  ],\n"
                "  \"e\": {}\n}\n");
  nlohmann::ordered_json rounded = tree;
  rounded["a"][0] = 0.25;  // where nlohmann prints the same, the layout is dump(2)'s
  CHECK(json_text(rounded) == rounded.dump(2) + "\n");
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
