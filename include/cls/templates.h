// SPDX-License-Identifier: EUPL-1.2
// Document templates (SPEC §5.5): Mustache files built into the binary, which a
// project may override by placing a file of the same name under templates/.
#pragma once
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <kainjow/mustache.hpp>

namespace cls {

struct EmbeddedTemplate {
  std::string_view name;  // file name under templates/, e.g. "minutes.md.mustache"
  std::string_view text;
};

// Every template of the repository's templates/ folder, sorted by name
// (generated at build time by cmake/embed_templates.cmake).
const std::vector<EmbeddedTemplate>& builtin_templates();

inline constexpr std::string_view kBuiltinOrigin = "built-in";

struct TemplateSource {
  std::string name;    // "minutes.md.mustache"
  std::string text;
  std::string origin;  // kBuiltinOrigin, or the path of the project's override file
  // Where partials are looked up, with the same override rule.
  std::filesystem::path project_root;

  bool builtin() const { return origin == kBuiltinOrigin; }
  // How messages name it: the override's path, or "NAME (built-in)".
  std::string display_name() const;
};

// A template that cannot be found, read or rendered. what() reads
// "FILE:LINE:COL: error: MESSAGE" (LINE and COL 1-based, left out when not
// known), FILE being the template's display name.
class TemplateError : public std::runtime_error {
 public:
  TemplateError(std::string file, int line, int column, const std::string& message);
  const std::string& file() const { return file_; }
  int line() const { return line_; }
  int column() const { return column_; }
  const std::string& message() const { return message_; }

 private:
  std::string file_;
  int line_, column_;
  std::string message_;
};

// The project's templates/NAME if it is a file, else the built-in NAME; throws
// TemplateError when neither exists, or when NAME is not a plain file name
// ([A-Za-z0-9][A-Za-z0-9._-]*), so that no template is read from outside
// templates/.
TemplateSource find_template(std::string_view name, const std::filesystem::path& project_root);

// Every template a project sees: the built-in ones and the files of its
// templates/ folder, each as find_template() resolves it, sorted by name.
std::vector<TemplateSource> list_templates(const std::filesystem::path& project_root);

// How {{value}} is escaped ({{{value}}} and {{&value}} never are):
//  - html: html_escape(), for HTML templates;
//  - markdown: markdown_escape(), so a value stays literal text in Markdown (no
//    "&amp;", but a "*" or "<" from a file cannot become markup);
//  - none: the value as it is.
enum class Escape { html, markdown, none };
// From the template's name: html for "*.html*", markdown for "*.md*", else none.
Escape escape_for(std::string_view template_name);

// Renders the template with the context. Partials ({{> letterhead}}) are
// templates found by find_template(): for a name without a dot, first
// NAME + the suffix of the template being rendered ("letterhead.md.mustache"
// from "minutes.md.mustache"), then NAME itself. A partial comes from the
// templates, never from the context. Throws TemplateError naming the file and
// line of a syntax error (in the template or a partial), of a partial that
// cannot be found, or of partials nested too deeply (a partial that includes
// itself without end).
std::string render_template(const TemplateSource& source, const kainjow::mustache::data& context,
                            Escape escape);
// The same, escaping as escape_for(source.name) says.
std::string render_template(const TemplateSource& source, const kainjow::mustache::data& context);

}  // namespace cls
