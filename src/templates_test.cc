// SPDX-License-Identifier: EUPL-1.2
#include "cls/templates.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <random>

using namespace cls;
namespace fs = std::filesystem;
using kainjow::mustache::data;

namespace {

// A scratch project directory, removed at the end of the test.
struct TempProject {
  fs::path root;
  TempProject() {
    std::random_device rd;
    root = fs::temp_directory_path() / ("cls-templates-test-" + std::to_string(rd()));
    fs::create_directories(root / "templates");
  }
  ~TempProject() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(root / "templates" / name, std::ios::binary) << text;
  }
};

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const TemplateError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("the built-in templates are embedded") {
  REQUIRE(!builtin_templates().empty());
  const TemplateSource readme = find_template("README", "");
  CHECK(readme.builtin());
  CHECK(readme.origin == "built-in");
  CHECK(readme.display_name() == "README (built-in)");
  CHECK(readme.text.find("Mustache") != std::string::npos);
}

TEST_CASE("find_template prefers the project's file") {
  TempProject p;
  CHECK(find_template("README", p.root).builtin());
  p.write("README", "mine");
  const TemplateSource own = find_template("README", p.root);
  CHECK(own.text == "mine");
  CHECK(own.origin == (p.root / "templates" / "README").string());
  CHECK(!own.builtin());

  CHECK(error_of([&] { find_template("nope.md.mustache", p.root); }) ==
        "nope.md.mustache: error: no such template in the project's templates/ nor built in");
  CHECK(error_of([&] { find_template("../cls.yaml", p.root); }) ==
        "../cls.yaml: error: invalid template name");
  CHECK_THROWS_AS(find_template("", p.root), TemplateError);

  p.write("empty.md.mustache", "");
  CHECK(render_template(find_template("empty.md.mustache", p.root), data{}) == "");

  p.write("extra.md.mustache", "x");
  std::vector<std::string> names;
  for (const TemplateSource& t : list_templates(p.root)) names.push_back(t.name);
  CHECK(std::find(names.begin(), names.end(), "extra.md.mustache") != names.end());
  CHECK(std::count(names.begin(), names.end(), "README") == 1);
  CHECK(std::is_sorted(names.begin(), names.end()));
}

TEST_CASE("escaping follows the kind of document") {
  const data ctx{"name", "Santé & <Territoires> *"};
  const TemplateSource html{"t.html.mustache", "<p>{{name}}</p><p>{{{name}}}</p>", "built-in", ""};
  CHECK(render_template(html, ctx) ==
        "<p>Santé &amp; &lt;Territoires&gt; *</p><p>Santé & <Territoires> *</p>");
  const TemplateSource md{"t.md.mustache", "**{{name}}** {{&name}}", "built-in", ""};
  CHECK(render_template(md, ctx) == "**Santé & \\<Territoires> \\*** Santé & <Territoires> *");
  CHECK(render_template(md, ctx, Escape::none) == "**Santé & <Territoires> *** Santé & <Territoires> *");
  CHECK(escape_for("convocation.html.mustache") == Escape::html);
  CHECK(escape_for("minutes.md.mustache") == Escape::markdown);
  CHECK(escape_for("README") == Escape::none);
}

TEST_CASE("sections and lists render") {
  data items{data::type::list};
  data a;
  a.set("title", "Ouverture");
  items.push_back(a);
  data b;
  b.set("title", "Bilan");
  items.push_back(b);
  data ctx;
  ctx.set("items", items);
  const TemplateSource t{"agenda.md.mustache", "{{#items}}\n- {{title}}\n{{/items}}\n", "built-in", ""};
  CHECK(render_template(t, ctx) == "- Ouverture\n- Bilan\n");
}

TEST_CASE("a syntax error names the file and the line") {
  TempProject p;
  p.write("minutes.md.mustache", "# {{title}}\n\nPrésents :\n{{#present}}\n- {{name}}\n");
  const TemplateSource t = find_template("minutes.md.mustache", p.root);
  const std::string file = (p.root / "templates" / "minutes.md.mustache").string();
  CHECK(error_of([&] { render_template(t, data{}); }) ==
        file + ":4:1: error: unclosed section \"present\"");

  const TemplateSource builtin{"agenda.md.mustache", "ok\n  {{/items}}", "built-in", ""};
  CHECK(error_of([&] { render_template(builtin, data{}); }) ==
        "agenda.md.mustache (built-in):2:3: error: unopened section \"items\"");

  const TemplateSource unclosed{"x.html.mustache", "é\né {{name", "built-in", ""};
  try {
    render_template(unclosed, data{});
    FAIL("no error");
  } catch (const TemplateError& e) {
    CHECK(e.line() == 2);
    CHECK(e.column() == 3);  // in characters: "é" is one
    CHECK(e.message() == "unclosed tag");
  }
}

TEST_CASE("partials resolve like templates") {
  TempProject p;
  p.write("letter.md.mustache", "{{> letterhead}}\nBonjour {{name}},\n");
  p.write("letterhead.md.mustache", "**{{org}}**\n");
  p.write("letterhead.html.mustache", "<b>{{org}}</b>\n");
  p.write("signature", "-- {{org}}");
  p.write("letter.html.mustache", "{{> letterhead}}<p>{{name}}</p>{{> signature}}");
  data ctx;
  ctx.set("name", "Marie");
  ctx.set("org", "Pays & Co");
  CHECK(render_template(find_template("letter.md.mustache", p.root), ctx) ==
        "**Pays & Co**\nBonjour Marie,\n");
  CHECK(render_template(find_template("letter.html.mustache", p.root), ctx) ==
        "<b>Pays &amp; Co</b><p>Marie</p>-- Pays &amp; Co");

  // A partial never comes from the data.
  data evil;
  evil.set("letterhead", "{{#x}}");
  evil.set("name", "M");
  CHECK(render_template(find_template("letter.md.mustache", p.root), evil) == "****\nBonjour M,\n");
}

TEST_CASE("partial errors name the partial's file and line") {
  TempProject p;
  p.write("doc.md.mustache", "Titre\n\n{{> head}}\n");
  p.write("head.md.mustache", "ligne\n{{#org}}\n");
  const std::string dir = (p.root / "templates").string();
  CHECK(error_of([&] { render_template(find_template("doc.md.mustache", p.root), data{}); }) ==
        dir + "/head.md.mustache:2:1: error: unclosed section \"org\"");

  p.write("doc.md.mustache", "Titre\n\n  {{> missing}}\n");
  CHECK(error_of([&] { render_template(find_template("doc.md.mustache", p.root), data{}); }) ==
        dir + "/doc.md.mustache:3:3: error: partial \"missing\" not found: no missing.md.mustache or "
              "missing in the project's templates/ nor built in");

  p.write("doc.md.mustache", "{{> ../../etc/passwd}}");
  CHECK(error_of([&] { render_template(find_template("doc.md.mustache", p.root), data{}); }) ==
        dir + "/doc.md.mustache:1:1: error: invalid partial name \"../../etc/passwd\"");

  p.write("doc.md.mustache", "a\n{{> loop}}");
  p.write("loop.md.mustache", "x{{> loop}}");
  const std::string loop =
      error_of([&] { render_template(find_template("doc.md.mustache", p.root), data{}); });
  CHECK(loop == dir + "/loop.md.mustache:1:2: error: partials nested too deeply: does \"loop\" "
                      "include itself?");
}

TEST_CASE("a recursive partial over data of bounded depth works") {
  TempProject p;
  p.write("tree.md.mustache", "{{> node}}");
  p.write("node.md.mustache", "{{name}}({{#children}}{{> node}}{{/children}})");
  data leaf;
  leaf.set("name", "c");
  leaf.set("children", data{data::type::list});  // else Mustache finds the parent's
  data children{data::type::list};
  children.push_back(leaf);
  data root;
  root.set("name", "r");
  root.set("children", children);
  CHECK(render_template(find_template("tree.md.mustache", p.root), root) == "r(c())");
}

TEST_CASE("sections nested past 100 deep are refused before parsing, at the tag") {
  // kainjow's cost is quadratic in such nesting: 10 000 levels took seven
  // seconds and more than a gigabyte.
  auto nested = [](int n, const std::string& open, const std::string& close) {
    std::string t;
    for (int i = 0; i < n; ++i) t += open + "#s" + close;
    t += "x";
    for (int i = 0; i < n; ++i) t += open + "/s" + close;
    return t;
  };
  data d;
  d.set("s", true);
  const TemplateSource ok{"a.md.mustache", nested(100, "{{", "}}"), "built-in", ""};
  CHECK(render_template(ok, d) == "x");
  const TemplateSource deep{"a.md.mustache", "ligne\n" + nested(100000, "{{", "}}"), "built-in", ""};
  CHECK(error_of([&] { render_template(deep, d); }) ==
        "a.md.mustache (built-in):2:601: error: sections nested more than 100 deep");
  // Other delimiters do not hide them; inverted sections count too.
  const TemplateSource hidden{"a.md.mustache", "{{=<% %>=}}" + nested(101, "<%", "%>"), "built-in", ""};
  CHECK(error_of([&] { render_template(hidden, d); }).find("nested more than 100") != std::string::npos);
  const TemplateSource inverted{"a.md.mustache", nested(101, "{{", "}}").replace(0, 3, "{{^"), "built-in", ""};
  CHECK(error_of([&] { render_template(inverted, d); }).find("nested more than 100") != std::string::npos);
  // In a partial, the partial's file is named.
  TempProject p;
  p.write("doc.md.mustache", "{{> deep}}");
  p.write("deep.md.mustache", nested(200, "{{", "}}"));
  CHECK(error_of([&] { render_template(find_template("doc.md.mustache", p.root), d); }) ==
        (p.root / "templates" / "deep.md.mustache").string() +
            ":1:601: error: sections nested more than 100 deep");
}

TEST_CASE("a project's template is read like its YAML: no link, nothing out of templates/, 4 MiB at most") {
  TempProject p;
  fs::create_symlink("/proc/self/environ", p.root / "templates" / "report.md.mustache");
  CHECK(error_of([&] { (void)find_template("report.md.mustache", p.root); }).find("a symbolic link") !=
        std::string::npos);
  std::ofstream(p.root / "inside.mustache") << "x";
  fs::create_symlink("../inside.mustache", p.root / "templates" / "agenda.md.mustache");
  CHECK(error_of([&] { (void)find_template("agenda.md.mustache", p.root); }).find("a symbolic link") !=
        std::string::npos);
  // Listed, so that the refusal is said rather than the built-in one used.
  CHECK(error_of([&] { (void)list_templates(p.root); }).find("a symbolic link") != std::string::npos);
  fs::remove(p.root / "templates" / "agenda.md.mustache");
  fs::remove(p.root / "templates" / "report.md.mustache");
  p.write("minutes.md.mustache", std::string(4u << 20, 'x') + "y");
  CHECK(error_of([&] { (void)find_template("minutes.md.mustache", p.root); }).find("too large") !=
        std::string::npos);
  // templates/ itself a link out of the project.
  TempProject other;
  other.write("agenda.md.mustache", "secret");
  fs::remove_all(p.root / "templates");
  fs::create_directory_symlink(other.root / "templates", p.root / "templates");
  CHECK(error_of([&] { (void)find_template("agenda.md.mustache", p.root); })
            .find("resolves outside the project's templates/") != std::string::npos);
}

TEST_CASE("the text one rendering makes is bounded: partials that multiply are an error") {
  TempProject p;
  p.write("bomb.md.mustache", "{{> p0}}");
  for (int i = 0; i < 40; ++i) {
    p.write("p" + std::to_string(i) + ".md.mustache",
            "{{> p" + std::to_string(i + 1) + "}}{{> p" + std::to_string(i + 1) + "}}");
  }
  p.write("p40.md.mustache", "bombe\n");
  const TemplateSource t = find_template("bomb.md.mustache", p.root);
  CHECK(error_of([&] { (void)render_template(t, kainjow::mustache::data()); }).find("more than 64 MiB") !=
        std::string::npos);
  // Ten levels (1 024 copies) are fine.
  p.write("p10.md.mustache", "ok ");
  const std::string ten = render_template(t, kainjow::mustache::data());
  CHECK(ten.size() == 1024 * 3);
}
