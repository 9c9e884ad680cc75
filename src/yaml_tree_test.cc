// SPDX-License-Identifier: EUPL-1.2
// The YAML tree: positions as editors show them, and what a hostile file
// costs (encoding, unclosed quotes, nesting, aliases, size).
#include "cls/yaml_tree.h"

#include <doctest/doctest.h>

#include <string>

using namespace cls;

namespace {

struct Parsed {
  bool ok = false;
  std::vector<YamlNode> roots;
  Diagnostics diags;

  // "rule line:col" of each diagnostic, in order.
  std::vector<std::string> where() const {
    std::vector<std::string> out;
    for (const auto& d : diags.all()) {
      out.push_back(d.rule + " " + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col));
    }
    return out;
  }
  std::string message() const { return diags.all().empty() ? "" : diags.all()[0].message; }
  const YamlNode& root() const { return roots.at(0); }
};

Parsed parse(std::string_view text, const YamlLimits& limits = {}) {
  Parsed p;
  p.ok = parse_yaml(text, 0, p.diags, p.roots, limits);
  return p;
}

using V = std::vector<std::string>;

std::string pos(const YamlNode& n) { return std::to_string(n.line) + ":" + std::to_string(n.col); }

}  // namespace

TEST_CASE("keys and values keep their line and column") {
  auto p = parse("id: PREV-02\nbudget:\n  planned: 12000\npartners: [a, bb]\n");
  REQUIRE(p.ok);
  const YamlNode& r = p.root();
  REQUIRE(r.map_size() == 3);
  CHECK(pos(r) == "1:1");
  CHECK(pos(r.key(0)) == "1:1");
  CHECK(pos(r.value(0)) == "1:5");
  CHECK(pos(r.value(1).key(0)) == "3:3");
  CHECK(pos(r.value(1).value(0)) == "3:12");
  CHECK(pos(r.value(2).children[1]) == "4:15");
}

TEST_CASE("columns count characters, not bytes") {
  // Counting bytes, "é" would count twice and shift every column after it.
  auto p = parse("titre: Écrans été\npartners: [ééé, zz]\n");
  REQUIRE(p.ok);
  CHECK(pos(p.root().value(1).children[1]) == "2:17");
  // Non-monotonic marks (a key after a long value on the same line) stay right.
  auto q = parse("{é: 1, è: 2, ê: [à, ù]}\n");
  REQUIRE(q.ok);
  CHECK(pos(q.root().key(2)) == "1:14");
  CHECK(pos(q.root().value(2).children[1]) == "1:21");
  // Errors too.
  auto bad = parse("a: ééé\nb: [é, è\n");
  CHECK_FALSE(bad.ok);
  CHECK(bad.where() == V{"yaml/syntax 3:1"});
}

TEST_CASE("a UTF-8 BOM and CRLF line ends are fine and do not shift positions") {
  auto p = parse("\xEF\xBB\xBFid: x\r\ntitle: \"été\"\r\nstatus: done\r\n");
  REQUIRE(p.ok);
  CHECK(p.root().map_size() == 3);
  CHECK(pos(p.root().key(0)) == "1:1");
  CHECK(pos(p.root().value(2)) == "3:9");
  CHECK(p.root().value(1).text == "été");
  CHECK(p.root().value(2).text == "done");  // no \r left in values
}

TEST_CASE("U+0085, U+2028 and U+2029 are characters, as in editors, not line breaks (YAML 1.1)") {
  const std::string nel = "\xC2\x85", ls = "\xE2\x80\xA8", ps = "\xE2\x80\xA9";
  const std::string text = "Texte" + ls + "suite" + ps + "fin" + nel + "\xEE\x80\x80";  // and a U+E000 of its own
  auto p = parse("title: " + text + "\nquoted: \"" + text + "\"\nblock: |\n  " + text + "\nid: [a" + ls + "b, c]\n");
  REQUIRE(p.ok);
  REQUIRE(p.root().map_size() == 4);
  CHECK(p.root().value(0).text == text);
  CHECK(p.root().value(1).text == text);
  CHECK(p.root().value(2).text == text + "\n");
  CHECK(pos(p.root().key(3)) == "5:1");
  CHECK(pos(p.root().value(3).children[1]) == "5:11");  // one column each
  CHECK(p.root().value(3).children[0].text == "a" + ls + "b");
  // Errors after them keep the editor's line and column.
  CHECK(parse("t: a" + ls + "b\nu: [x\n").where() == V{"yaml/syntax 3:1"});
  CHECK(parse("t: a" + ls + "b: c\n").where() == V{"yaml/syntax 1:7"});
}

TEST_CASE("plain scalars are told from quoted and tagged ones") {
  auto p = parse("a: 12\nb: \"12\"\nc: '12'\nd: !!str 12\ne: !custom 12\nf: |\n  12\n");
  REQUIRE(p.ok);
  CHECK(p.root().value(0).plain);
  for (std::size_t i = 1; i < 6; ++i) {
    CHECK_FALSE(p.root().value(i).plain);
    CHECK(p.root().value(i).text.substr(0, 2) == "12");
  }
}

TEST_CASE("null is an empty plain value, ~ or null; quoted or tagged, it is text") {
  auto p = parse("a:\nb: ~\nc: null\nd: NULL\ne: \"null\"\nf: ''\ng: !!str null\nh: nul\n");
  REQUIRE(p.ok);
  for (std::size_t i = 0; i < 4; ++i) CHECK(p.root().value(i).is_null());
  for (std::size_t i = 4; i < 8; ++i) CHECK(p.root().value(i).is_scalar());
  CHECK(p.root().value(4).text == "null");
  CHECK(p.root().value(5).text.empty());
}

TEST_CASE("empty, comment-only, scalar and multi-document files") {
  auto empty = parse("");
  CHECK(empty.ok);
  CHECK(empty.roots.empty());
  auto comment = parse("# rien\n\n# encore rien\n");
  CHECK(comment.ok);
  CHECK(comment.roots.empty());
  auto scalar = parse("bonjour\n");
  REQUIRE(scalar.ok);
  CHECK(scalar.root().is_scalar());
  auto docs = parse("a: 1\n---\nb: 2\n...\n---\nc: 3\n");
  REQUIRE(docs.ok);
  CHECK(docs.roots.size() == 3);
  CHECK(pos(docs.roots[2]) == "6:1");
}

TEST_CASE("keys that are not text are kept as written, for the loader to report") {
  auto p = parse("[a, b]: 1\n? {c: d}\n: 2\n?\n: 3\n");
  REQUIRE(p.ok);
  CHECK(p.root().key(0).is_seq());
  CHECK(p.root().key(1).is_map());
  CHECK(p.root().key(2).is_null());
}

TEST_CASE("duplicate keys are reported and the parse goes on") {
  auto p = parse("id: a\ntitle: b\nid: c\nsub: {x: 1, x: 2}\n");
  CHECK(p.ok);
  // Reported as each mapping ends (the loader sorts diagnostics later).
  CHECK(p.where() == V{"yaml/duplicate-key 4:13", "yaml/duplicate-key 3:1"});
  CHECK(p.diags.all().at(1).message == "duplicate key 'id' (first at line 1)");
}

TEST_CASE("syntax errors: yaml/syntax at the parser's position, in words") {
  CHECK(parse("partners: [a, b\nid: x\n").where() == V{"yaml/syntax 2:3"});
  CHECK(parse("budget: {planned: 1\n").where() == V{"yaml/syntax 2:1"});
  CHECK(parse("id: x\n  title: y\n").where() == V{"yaml/syntax 2:8"});
  CHECK(parse("id: x\n\ttitle: y\n").where() == V{"yaml/syntax 2:1"});  // a tab as indentation
  CHECK(parse("id: a: b\n").where() == V{"yaml/syntax 1:6"});
  CHECK(parse("a: *nowhere\n").where() == V{"yaml/syntax 1:4"});
  CHECK(parse("a: *nowhere\n").message() == "alias *nowhere to no anchor: write &nowhere on a value before it");
  // libyaml's problem, said as what to do, and where the enclosing value began.
  CHECK(parse("partners: [a, b\nid: x\n").message() ==
        "expected ',' or ']' here (in the list '[' opened at line 1, column 11)");
  CHECK(parse("id: a: b\n").message() ==
        "unexpected ':' here; check the indentation, or put text holding ': ' in quotes");
  CHECK(parse("id: x\n\ttitle: y\n").message().starts_with("a tab in the indentation; indent with spaces"));
  CHECK(parse("t: @x\n").message() == "a value cannot start with '@'; put the value in quotes");
  CHECK(parse("t:\n\t- x\n").message() == "a tab in the indentation; indent with spaces");
  CHECK(parse("t:\n\t- x\n").where() == V{"yaml/syntax 2:1"});
  // An empty key needs '?' (libyaml follows YAML 1.1 here).
  CHECK(parse("a: 1\n: 3\n").where() == V{"yaml/syntax 2:1"});
}

TEST_CASE("an unclosed quote is an error at its opening quote, not at the end of the file") {
  // (yaml-cpp 0.7 accepted these when the file ended with a line break.)
  CHECK(parse("id: \"PREV-02\ntitle: x\n").where() == V{"yaml/syntax 1:5"});
  CHECK(parse("id: x\ntitle: 'l''école\nobjective: o\n").where() == V{"yaml/syntax 2:8"});
  CHECK(parse("- a\n- \"b \\\" c\n").where() == V{"yaml/syntax 2:3"});
  CHECK(parse("t: !!str &x \"open\n").where() == V{"yaml/syntax 1:13"});
  CHECK(parse("t: \"é\n\n\n").where() == V{"yaml/syntax 1:4"});
  CHECK(parse("t: \"open\n").message() ==
        "quoted text never closed: it runs to the end of the file; add the closing \" where the text ends");
  CHECK(parse("t: 'open\n").message().find("closing ' where") != std::string::npos);
  CHECK(parse("id: \"PREV-02").where() == V{"yaml/syntax 1:5"});
  // Closed quotes, escapes and quotes spanning lines are fine.
  for (const char* ok : {"t: \"a \\\" b \\\\\"\n", "t: 'l''école'\n", "t: \"deux\n  lignes\"\n",
                         "t: 'x' # it's\n", "t: \"\"\n", "t: ''\n", "- \"a\"\n- plain \"b\n",
                         "t: |\n  \"open\n", "t: l'école\n"}) {
    auto p = parse(ok);
    CHECK_MESSAGE(p.ok, ok);
  }
}

TEST_CASE("invalid encodings: yaml/encoding at the offending character") {
  CHECK(parse("id: x\ntitle: caf\xe9\n").where() == V{"yaml/encoding 2:11"});
  CHECK(parse("t: \xc3\x28\n").where() == V{"yaml/encoding 1:4"});              // bad continuation
  CHECK(parse("t: \xc0\xaf\n").where() == V{"yaml/encoding 1:4"});              // overlong
  CHECK(parse("t: \xed\xa0\x80\n").where() == V{"yaml/encoding 1:4"});          // surrogate
  CHECK(parse("t: \xf4\x90\x80\x80\n").where() == V{"yaml/encoding 1:4"});      // past U+10FFFF
  CHECK(parse("t: é\xe2\x82").where() == V{"yaml/encoding 1:5"});               // cut at the end
  CHECK(parse("\xff\xfei\0d\0:\0 \0x\0\n\0").where() == V{"yaml/encoding 1:1"});  // UTF-16 LE
  CHECK(parse("\xfe\xff\0i\0d\0:\0 \0x\0\n").where() == V{"yaml/encoding 1:1"});  // UTF-16 BE
  CHECK(parse(std::string_view("i\0d\0:\0 \0x\0\n\0", 12)).where() == V{"yaml/encoding 1:2"});
  CHECK(parse(std::string_view("\0i\0d\0:\0 \0x\0\n", 12)).where() == V{"yaml/encoding 1:1"});
  CHECK(parse("\xff\xfei\0d\0").message() == "the file is UTF-16; save it as UTF-8");
  // Valid UTF-8 that YAML does not allow in a text: control characters.
  CHECK(parse("id: x\ntitle: a\x01b\n").where() == V{"yaml/encoding 2:9"});
  CHECK(parse("t: é\x7f\n").message() ==
        "character not allowed in a YAML file (U+007F); remove it, or save the file as plain UTF-8 text");
  CHECK(parse("t: \"tab\tand form\ffeed\"\n").where() == V{"yaml/encoding 1:17"});
  CHECK(parse("t: a\tb\r\nu: c\n").ok);  // tabs and CRLF are text
}

TEST_CASE("nesting deeper than the limit stops before the stack does") {
  // A recursive reader would overflow its stack at 100 000 levels; the limit
  // also bounds what the tree costs.
  const std::string open(100'000, '['), close(100'000, ']');
  auto p = parse("t: " + open + close + "\n");
  CHECK(p.where() == V{"yaml/syntax 1:67"});  // the 64th '[' (the mapping is the first level)
  CHECK(p.message() == "nesting deeper than 64 levels");
  CHECK(parse("t: " + open + "\n").where().size() == 1);  // never closed
  CHECK(parse(std::string(100'000, '{')).where().size() == 1);
  std::string maps;
  for (int i = 0; i < 100'000; ++i) maps += "{a: ";
  CHECK(parse(maps).where().size() == 1);
  std::string seqs;
  for (int i = 0; i < 100'000; ++i) seqs += "- ";
  CHECK(parse(seqs + "x\n").where() == V{"yaml/syntax 1:129"});
  std::string block;
  for (int i = 0; i < 200; ++i) block += std::string(i, ' ') + "k:\n";
  CHECK(parse(block).where() == V{"yaml/syntax 65:65"});
  // 64 levels are fine; 65 are not.
  CHECK(parse(std::string(64, '[') + std::string(64, ']')).ok);
  CHECK_FALSE(parse(std::string(65, '[') + std::string(65, ']')).ok);
}

TEST_CASE("alias bombs stop at the alias limit, quickly") {
  std::string bomb = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 10; ++i) {
    bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) bomb += (k ? ", *a" : "*a") + std::to_string(i - 1);
    bomb += "]\n";
  }
  auto p = parse(bomb);
  CHECK_FALSE(p.ok);
  CHECK(p.where() == V{"yaml/syntax 5:45"});  // the 8th *a3: 12 330 + 8 × 11 111 nodes
  CHECK(p.message().find("alias bomb") != std::string::npos);
  CHECK(p.roots.empty());
  // A few aliases, as a real file may use them, are expanded.
  auto ok = parse("base: &p [a, b]\none: *p\ntwo: *p\n");
  REQUIRE(ok.ok);
  CHECK(ok.root().value(2).children.size() == 2);
  CHECK(pos(ok.root().value(2)) == "3:6");  // the alias's position, not the anchor's
}

TEST_CASE("anchors nested in anchors are charged, so they cannot multiply a subtree") {
  std::string s = "x: ";
  for (int i = 0; i < 60; ++i) s += "&a" + std::to_string(i) + " [";
  for (int i = 0; i < 20'000; ++i) s += "1, ";
  s += "1" + std::string(60, ']') + "\n";
  YamlLimits limits;
  limits.max_nodes = 200'000;
  auto p = parse(s, limits);
  CHECK_FALSE(p.ok);
  CHECK(p.message().find("more than 200000 YAML nodes") != std::string::npos);
}

TEST_CASE("an alias to its own enclosing anchor is refused") {
  auto p = parse("a: &x [1, *x]\n");
  CHECK_FALSE(p.ok);
  CHECK(p.where() == V{"yaml/syntax 1:11"});
}

TEST_CASE("anchors do not leak from one document to the next") {
  // Anchors belong to their document: a stale copy must not be used.
  auto p = parse("a: &x [1, 2]\n---\nb: &y [*x]\n");
  CHECK_FALSE(p.ok);
}

TEST_CASE("files over the size limit are refused before parsing") {
  YamlLimits limits;
  limits.max_bytes = 1000;
  auto p = parse(std::string(1001, '#'), limits);
  CHECK(p.where() == V{"yaml/syntax 0:0"});
  CHECK(p.message() == "the file is too large (1001 bytes, more than 1000 bytes); split it into several files");
  CHECK(parse(std::string(1000, '#'), limits).ok);
  // Sizes round up, so a file just over the limit never reads as the limit.
  CHECK(file_too_large((4u << 20) + 1, YamlLimits{}) ==
        "the file is too large (5 MiB, more than 4 MiB); split it into several files");
}

TEST_CASE("the node limit counts every node") {
  YamlLimits limits;
  limits.max_nodes = 10;
  CHECK(parse("[1, 2, 3, 4, 5, 6, 7, 8]", limits).ok);  // 9 nodes
  auto p = parse("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]", limits);
  CHECK(p.where() == V{"yaml/syntax 1:29"});
}
