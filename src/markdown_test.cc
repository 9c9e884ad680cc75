// SPDX-License-Identifier: EUPL-1.2
#include "cls/markdown.h"

#include <doctest/doctest.h>

using namespace cls;

namespace {
bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// Every "<" is backslash-escaped, so none can open a tag.
bool every_lt_escaped(const std::string& md) {
  for (std::size_t i = md.find('<'); i != std::string::npos; i = md.find('<', i + 1)) {
    if (i == 0 || md[i - 1] != '\\') return false;
  }
  return true;
}
}  // namespace

TEST_CASE("markdown_to_html renders GitHub-flavoured Markdown") {
  CHECK(markdown_to_html("Des *ateliers* **parents**.") ==
        "<p>Des <em>ateliers</em> <strong>parents</strong>.</p>\n");
  CHECK(markdown_to_html("") == "");
  const std::string table = markdown_to_html("| Financeur | Montant |\n|---|--:|\n| ARS | 8 000 € |\n");
  CHECK(contains(table, "<table>"));
  CHECK(contains(table, "<th>Financeur</th>"));
  CHECK(contains(table, "<td align=\"right\">8 000 €</td>"));
  CHECK(markdown_to_html("~~annulé~~") == "<p><del>annulé</del></p>\n");
  CHECK(markdown_to_html("voir www.example.org") ==
        "<p>voir <a href=\"http://www.example.org\">www.example.org</a></p>\n");
  CHECK(markdown_to_html("- un\n- deux") == "<ul>\n<li>un</li>\n<li>deux</li>\n</ul>\n");
}

TEST_CASE("markdown_to_html lets no raw HTML nor script link through") {
  for (const char* attack : {
           "<script>alert(1)</script>",
           "Texte <script>alert(1)</script> inline",
           "<img src=x onerror=alert(1)>",
           "Texte <img src=x onerror=alert(1)> inline",
           "<div onclick=\"alert(1)\">x</div>",
           "<iframe src=\"https://evil.example\"></iframe>",
       }) {
    CAPTURE(attack);
    const std::string html = markdown_to_html(attack);
    CHECK(!contains(html, "<script"));
    CHECK(!contains(html, "<img"));
    CHECK(!contains(html, "<div"));
    CHECK(!contains(html, "<iframe"));
    CHECK(contains(html, "&lt;"));  // shown as text, not dropped
  }
  CHECK(markdown_to_html("<script>alert(1)</script>") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
  CHECK(markdown_to_html("Texte <img src=x onerror=alert(1)> inline") ==
        "<p>Texte &lt;img src=x onerror=alert(1)&gt; inline</p>\n");
  CHECK(markdown_to_html("<div onclick=\"alert(1)\">Résumé</div>") ==
        "<p>&lt;div onclick=&quot;alert(1)&quot;&gt;Résumé&lt;/div&gt;</p>\n");
  // A script link keeps its text and loses its target; an image becomes a
  // link to it, so that the page fetches nothing.
  CHECK(markdown_to_html("[clic](javascript:alert(1)) ici") == "<p>clic ici</p>\n");
  CHECK(markdown_to_html("![plan](https://example.org/plan.png \"Plan\")") ==
        "<p><a href=\"https://example.org/plan.png\" title=\"Plan\">plan</a></p>\n");
  CHECK(markdown_to_html("![x](data:image/png;base64,AAAA)") == "<p>x</p>\n");
  CHECK(markdown_to_html("[site](https://example.org)") == "<p><a href=\"https://example.org\">site</a></p>\n");
  for (const char* attack : {
           "[clic](javascript:alert(1))",
           "[clic](JaVaScRiPt:alert(1))",
           "[clic](javascript&colon;alert(1))",
           "[clic](&#106;avascript:alert(1))",
           "<javascript:alert(1)>",
           "![img](javascript:alert(1))",
           "[clic](vbscript:msgbox(1))",
           "[clic](data:text/html;base64,PHNjcmlwdD4=)",
       }) {
    CAPTURE(attack);
    const std::string html = markdown_to_html(attack);
    CHECK(!contains(html, "href=\"javascript"));
    CHECK(!contains(html, "href=\"JaVaScRiPt"));
    CHECK(!contains(html, "src=\"javascript"));
    CHECK(!contains(html, "vbscript:msgbox"));
    CHECK(!contains(html, "href=\"data:"));
  }
  // Text that only looks like markup is shown, escaped.
  CHECK(markdown_to_html("enfants de 0 < 6 ans & \"parents\"") ==
        "<p>enfants de 0 &lt; 6 ans &amp; &quot;parents&quot;</p>\n");
  // Ill-formed UTF-8 does not reach the page.
  CHECK(markdown_to_html("caf\xE9") == "<p>caf\uFFFD</p>\n");
}

TEST_CASE("markdown_to_html shifts headings") {
  CHECK(markdown_to_html("# Titre\n\n### Sous-titre", 2) == "<h3>Titre</h3>\n<h5>Sous-titre</h5>\n");
  CHECK(markdown_to_html("##### Profond", 3) == "<h6>Profond</h6>\n");
}

TEST_CASE("markdown_to_markdown passes ordinary Markdown through") {
  CHECK(markdown_to_markdown("") == "");
  CHECK(markdown_to_markdown("\n\n  \n") == "");
  CHECK(markdown_to_markdown("Des *ateliers*.\n") == "Des *ateliers*.");
  CHECK(markdown_to_markdown("\n\nun\r\ndeux\r\n\r\n") == "un\ndeux");
  const std::string field = "Intro :\n\n* un\n* deux\n\n| a | b |\n|---|---|\n| 1 | 2 |";
  CHECK(markdown_to_markdown(field + "\n\n") == field);
  CHECK(markdown_to_markdown("```\ncode\n```\n") == "```\ncode\n```");
  CHECK(markdown_to_markdown("    code indenté") == "    code indenté");  // first line's indent kept
}

TEST_CASE("markdown_to_markdown indents for a list item") {
  CHECK(markdown_to_markdown("un\n\ndeux\n- trois", 3) == "   un\n\n   deux\n   - trois");
}

TEST_CASE("markdown_to_markdown neutralises what would leak out of the block") {
  // Raw HTML becomes literal text.
  const std::string html = markdown_to_markdown("Avant <script>alert(1)</script> après");
  CHECK(every_lt_escaped(html));
  CHECK(contains(html, "\\<script\\>"));
  CHECK(markdown_to_html(html) == "<p>Avant &lt;script&gt;alert(1)&lt;/script&gt; après</p>\n");
  const std::string block = markdown_to_markdown("<img src=x onerror=alert(1)>\n\nSuite.");
  CHECK(every_lt_escaped(block));
  CHECK(contains(block, "\\<img src=x onerror=alert(1)\\>"));
  CHECK(contains(block, "Suite."));
  // A script link is reduced to its text; images stay.
  const std::string link = markdown_to_markdown("[clic](javascript:alert(1)) et [ok](https://example.org)");
  CHECK(link == "clic et [ok](https://example.org)");
  CHECK(markdown_to_markdown("![plan](https://example.org/p.png)") == "![plan](https://example.org/p.png)");
  // An open fence is closed, so that it does not swallow the document.
  const std::string fence = markdown_to_markdown("Exemple :\n\n```\nnon fermé");
  CHECK(contains(fence, "non fermé"));
  CHECK(markdown_to_html(fence + "\n\nLa suite") ==
        "<p>Exemple :</p>\n<pre><code>non fermé\n</code></pre>\n<p>La suite</p>\n");
}

TEST_CASE("markdown_escape makes a value literal") {
  CHECK(markdown_escape("Marie Martin") == "Marie Martin");
  CHECK(markdown_escape("Santé & Territoires") == "Santé & Territoires");
  CHECK(markdown_escape("l'équipe d'animation – n° 8") == "l'équipe d'animation – n° 8");
  // A WORD JOINER (invisible) before the "@": no e-mail autolink (SPEC §13).
  CHECK(markdown_escape("jean_dupont@example.org") == "jean_dupont\u2060@example.org");
  CHECK(markdown_escape("*gras* _it_ `code` ~barré~") ==
        "\\*gras\\* \\_it\\_ \\`code\\` \\~barré\\~");
  CHECK(markdown_escape("<script>alert(1)</script>") == "\\<script>alert(1)\\</script>");
  CHECK(markdown_escape("[lien](https://x)") == "\\[lien\\](https\\://x)");
  CHECK(markdown_escape("a | b") == "a \\| b");
  CHECK(markdown_escape("&amp; &#39;") == "\\&amp; \\&#39;");
  CHECK(markdown_escape("# titre") == "\\# titre");
  CHECK(markdown_escape("- tiret") == "\\- tiret");
  CHECK(markdown_escape("2026. Bilan") == "2026\\. Bilan");
  CHECK(markdown_escape("2026 bilan") == "2026 bilan");
  CHECK(markdown_escape("3) trois") == "3\\) trois");
  CHECK(markdown_escape("3.5 ETP") == "3.5 ETP");
  CHECK(markdown_escape("+33 3 83 00 00 00") == "+33 3 83 00 00 00");
  CHECK(markdown_escape("#1 des priorités") == "#1 des priorités");
  CHECK(markdown_escape("## Titre") == "\\## Titre");
  CHECK(markdown_escape("---") == "\\---");
  CHECK(markdown_escape("===") == "\\===");
  CHECK(markdown_escape("-10 %") == "-10 %");
  CHECK(markdown_escape("> cité") == "\\> cité");
  CHECK(markdown_escape("un\ndeux\r\ntrois") == "un deux trois");
  CHECK(markdown_escape("C:\\dossier") == "C:\\\\dossier");
  // What the escape produces reads back as the same text.
  for (const char* value : {"*a* _b_ <i>c</i> [d](e) | &amp; # f", "# g", "1) h"}) {
    CAPTURE(value);
    const std::string html = markdown_to_html(std::string("x ") + markdown_escape(value));
    CHECK(!contains(html, "<em>"));
    CHECK(!contains(html, "<i>"));
    CHECK(!contains(html, "<a "));
    CHECK(!contains(html, "raw HTML"));
  }
  CHECK(markdown_to_html("- " + markdown_escape("# g")) == "<ul>\n<li># g</li>\n</ul>\n");
  CHECK(markdown_to_html("- " + markdown_escape("1) h")) == "<ul>\n<li>1) h</li>\n</ul>\n");
}

// --- as a forge renders it (SPEC §13) -----------------------------------------

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <regex>
#include <set>

namespace {

// The HTML of `md` as GitHub renders it: cmark-gfm with the table,
// strikethrough, autolink, tagfilter and tasklist extensions, raw HTML and
// every URL allowed (the forge's sanitizer is not counted on).
std::string forge_html(const std::string& md) {
  cmark_gfm_core_extensions_ensure_registered();
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_UNSAFE);
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"}) {
    cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
  }
  cmark_parser_feed(parser, md.data(), md.size());
  cmark_node* doc = cmark_parser_finish(parser);
  char* html = cmark_render_html(doc, CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parser));
  std::string out = html;
  std::free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

// The names of the elements of `html` (opening tags).
std::set<std::string> elements(const std::string& html) {
  std::set<std::string> out;
  static const std::regex tag("<([A-Za-z][A-Za-z0-9]*)");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator(); ++it) {
    out.insert((*it)[1]);
  }
  return out;
}

// What a hostile YAML value may try, as the issue 17 found it.
const char* const kHostile[] = {
    "www.example.org/<img src=x onerror=alert(1)>",
    "WWW.example.org/<b>gras</b>",
    "http://example.org/<script>alert(1)</script>",
    "voir https://example.org/\\<img src=x> et ftp://example.org",
    "ecrire a jean@example.org<img src=x>",
    "mailto:a@example.org xmpp:a@example.org/x",
    "[x]: javascript:alert(1)",
    "[cliquez][x] ou [x]",
    "<!-- commentaire --> <?php ?> <![CDATA[x]]>",
    "- [ ] tâche | cellule | ~~barré~~",
    "&lt;img src=x&gt; &#60;b&#62;",
    "`code` *em* _em_ **fort**",
};

}  // namespace

TEST_CASE("escaped values stay text under every GFM extension, raw HTML allowed") {
  std::string md = "| Titre | Responsable |\n|---|---|\n";
  for (const char* v : kHostile) md += "| " + markdown_escape(v) + " | " + markdown_escape(v) + " |\n";
  md += "\n";
  for (const char* v : kHostile) md += "- " + markdown_escape(v) + "\n";
  md += "\n";
  for (const char* v : kHostile) md += markdown_escape(v) + "\n\n";
  const std::string html = forge_html(md);
  CAPTURE(html);
  // Only the elements of the document's own skeleton.
  for (const std::string& e : elements(html)) {
    CAPTURE(e);
    CHECK(std::set<std::string>{"p", "table", "thead", "tbody", "tr", "th", "td", "ul", "li"}.count(e) == 1);
  }
  CHECK(!contains(html, "href"));
  CHECK(!contains(html, "<!--"));
}

TEST_CASE("a link reference definition in one field defines nothing in another") {
  // Two fields of Markdown text (descriptions) pasted into one document.
  const std::string one = markdown_to_markdown("Voir le site.\n\n[x]: javascript:alert(1)\n[y]: https://example.org");
  const std::string two = markdown_to_markdown("Cliquez [ici][x] ou [x] ou [là][y].");
  const std::string html = forge_html(one + "\n\n" + two + "\n");
  CAPTURE(html);
  CHECK(!contains(html, "javascript"));
  CHECK(!contains(html, "href"));
  CHECK(contains(html, "Voir le site."));
  // A field's own links still work: written inline.
  const std::string own = forge_html(markdown_to_markdown("[site][s]\n\n[s]: https://example.org") + "\n");
  CHECK(contains(own, "<a href=\"https://example.org\">site</a>"));
}

TEST_CASE("markdown_for_plain_text takes out only the marks that stop autolinks") {
  const std::string escaped = markdown_escape("Écrire à j.perrin@ars.example, voir https://visio.example.org ou www.ars.example *x*");
  // The escaped text has the marks; the plain text has none of them.
  CHECK(escaped.find("\u2060@") != std::string::npos);
  CHECK(escaped.find("https\\://") != std::string::npos);
  CHECK(escaped.find("www\\.") != std::string::npos);
  CHECK(markdown_for_plain_text(escaped) ==
        "Écrire à j.perrin@ars.example, voir https://visio.example.org ou www.ars.example \\*x\\*");
  // A backslash that is not one of those marks stays, and so does a lone word joiner.
  CHECK(markdown_for_plain_text("a\\:b \\.c \u2060d") == "a\\:b \\.c \u2060d");
}

