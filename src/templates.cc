// SPDX-License-Identifier: EUPL-1.2
#include "cls/templates.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <system_error>
#include <tuple>
#include <utility>

#include "cls/html.h"
#include "cls/markdown.h"
#include "cls/project_files.h"
#include "cls/utf8.h"
#include "cls/yaml_tree.h"

namespace cls {

namespace fs = std::filesystem;
namespace mus = kainjow::mustache;

namespace {

std::string error_text(const std::string& file, int line, int column, const std::string& message) {
  std::string out = file;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  return out + ": error: " + message;
}

bool valid_name(std::string_view name) {
  if (name.empty() || !std::isalnum(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
  });
}

// Resolves NAME without throwing when it does not exist. A project's
// template is read like its YAML (project_files.h): a link, a file that
// resolves outside templates/ or one past the file size limit is a
// TemplateError naming it, never a fall back to the built-in one.
std::optional<TemplateSource> lookup(std::string_view name, const fs::path& project_root) {
  if (!project_root.empty()) {
    const fs::path file = project_root / "templates" / std::string(name);
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(file, ec);
    if (!ec && fs::exists(status) && !fs::is_directory(status)) {
      std::string text, error;
      if (!read_project_template(project_root, name, YamlLimits{}.max_bytes, text, error)) {
        throw TemplateError(file.string(), 0, 0, error);
      }
      return TemplateSource{std::string(name), std::move(text), file.string(), project_root};
    }
  }
  for (const EmbeddedTemplate& t : builtin_templates()) {
    if (t.name == name) {
      return TemplateSource{std::string(name), std::string(t.text), std::string(kBuiltinOrigin),
                            project_root};
    }
  }
  return std::nullopt;
}

// 1-based line and column (in characters) of a byte offset.
std::pair<int, int> line_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if (!is_utf8_continuation(text[i])) {
      ++column;  // continuation bytes of UTF-8 do not start a character
    }
  }
  return {line, column};
}

// kainjow reports "Unclosed section \"x\" at 123", the number a byte offset.
// Turns it into "FILE:LINE:COL: error: unclosed section \"x\"".
TemplateError syntax_error(const TemplateSource& source, std::string message) {
  int line = 0, column = 0;
  const std::size_t at = message.rfind(" at ");
  if (at != std::string::npos && at + 4 < message.size() &&
      std::all_of(message.begin() + static_cast<std::ptrdiff_t>(at + 4), message.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    const std::size_t offset = std::stoul(message.substr(at + 4));
    std::tie(line, column) = line_column(source.text, offset);
    message.erase(at);
  }
  if (!message.empty()) message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  return TemplateError(source.display_name(), line, column, message);
}

// Offset of the first {{> NAME}} tag in `text`, if any (default delimiters).
std::optional<std::size_t> find_partial_tag(std::string_view text, std::string_view name) {
  for (std::size_t at = text.find("{{>"); at != std::string_view::npos; at = text.find("{{>", at + 1)) {
    std::size_t i = at + 3;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (text.substr(i, name.size()) != name) continue;
    i += name.size();
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (text.substr(i, 2) == "}}") return at;
  }
  return std::nullopt;
}

// kainjow keeps the text of every section for lambdas, so sections nested
// thousands deep cost time and memory quadratic in the template's length
// (10 000 levels: seven seconds and over a gigabyte). Real templates nest a
// handful deep; past kMaxSectionDepth a template is refused before kainjow
// parses it.
constexpr int kMaxSectionDepth = 100;

// The first section tag ({{#x}} or {{^x}}) nested deeper than
// kMaxSectionDepth, following {{=<% %>=}} changes of delimiters.
std::optional<std::size_t> too_deep_section(std::string_view text) {
  std::string open = "{{", close = "}}";
  int depth = 0;
  for (std::size_t at = text.find(open); at != std::string_view::npos; at = text.find(open, at)) {
    const std::size_t body = at + open.size();
    const std::size_t end = text.find(close, body);
    if (end == std::string_view::npos) return std::nullopt;  // kainjow reports it
    const char kind = body < end ? text[body] : '\0';
    if (kind == '#' || kind == '^') {
      if (++depth > kMaxSectionDepth) return at;
    } else if (kind == '/') {
      --depth;
    } else if (kind == '=' && end > body + 1 && text[end - 1] == '=') {
      // {{=<% %>=}}: the new opening and closing delimiters, space apart.
      std::string_view spec = text.substr(body + 1, end - body - 2);
      const std::size_t space = spec.find_first_of(" \t");
      const std::size_t next = spec.find_first_not_of(" \t", space);
      if (space != std::string_view::npos && next != std::string_view::npos && space > 0) {
        std::string new_open(spec.substr(0, space)), new_close(spec.substr(next));
        while (!new_close.empty() && (new_close.back() == ' ' || new_close.back() == '\t')) new_close.pop_back();
        if (!new_close.empty()) {
          at = end + close.size();
          open = std::move(new_open);
          close = std::move(new_close);
          continue;
        }
      }
    }
    at = end + close.size();
  }
  return std::nullopt;
}

// Refuses a template whose sections nest too deep, at the offending tag.
void check_section_depth(const TemplateSource& source) {
  if (auto at = too_deep_section(source.text)) {
    auto [line, column] = line_column(source.text, *at);
    throw TemplateError(source.display_name(), line, column,
                        "sections nested more than " + std::to_string(kMaxSectionDepth) + " deep");
  }
}

// Partials nest by recursion inside kainjow, so a partial that includes itself
// for ever would overflow the stack. The depth is measured in stack bytes used
// since render_template() started: far below the 8 MiB of the main thread, far
// above any real nesting, and the same guard in a sanitizer build, whose frames
// are larger.
constexpr std::uintptr_t kMaxPartialStack = 1024 * 1024;

std::uintptr_t stack_position() {
  return reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
}

// The text one rendering produces is bounded (SPEC §13): partials that each
// include the next one twice, 40 deep, would expand 2^40 times, and a section
// over 50 000 actions of a line of 4 MiB would make 200 GB. The text written
// out is counted exactly (RenderSink); what kainjow holds before a line break
// is not seen, so the work is also estimated as it is done, from above, in
// Context: each partial expanded weighs its text, each value its text, each
// pass of a section the longest line of the templates read (a partial
// also its parsing, kPartialCost). Past either
// limit the rendering is an error and every further lookup finds nothing, so
// that kainjow winds down at once.
constexpr std::size_t kMaxRendered = 64u << 20;
constexpr std::size_t kMaxRenderWork = 4 * kMaxRendered;
// kainjow parses a partial's text anew at each expansion: its fixed cost.
constexpr std::size_t kPartialCost = 256;

std::string too_much_text() {
  return "this rendering makes more than " + std::to_string(kMaxRendered >> 20) +
         " MiB of text (partials or sections that multiply each other?)";
}

std::size_t longest_line(std::string_view text) {
  std::size_t longest = 0;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    longest = std::max(longest, end - start);
    start = end + 1;
  }
  return longest;
}

// The render context: values from the data, partials from the templates. The
// first problem met is kept and thrown once kainjow has returned, rather than
// thrown through it.
class Context : public mus::basic_context<std::string> {
 public:
  Context(const TemplateSource& root, const mus::data& data)
      : root_(root), values_(&data), stack_base_(stack_position()), longest_line_(longest_line(root.text)) {}

  void push(const mus::data* data) override {
    values_.push(data);
    spend(longest_line_ + 1);
  }
  void pop() override { values_.pop(); }
  const mus::data* get(const std::string& name) const override {
    if (error_) return nullptr;
    const mus::data* found = values_.get(name);
    spend(name.size() + (found && found->is_string() ? found->string_value().size() : 0));
    return error_ ? nullptr : found;
  }

  // The output passed the limit (RenderSink): the rendering stops.
  void output_too_large() const {
    if (!error_) error_ = TemplateError(root_.display_name(), 0, 0, too_much_text());
  }

  const mus::data* get_partial(const std::string& name) const override {
    if (error_) return nullptr;
    spend(kPartialCost);
    const std::uintptr_t here = stack_position();
    const std::uintptr_t used = here > stack_base_ ? here - stack_base_ : stack_base_ - here;
    if (used > kMaxPartialStack) {
      fail_at_tag(name, "partials nested too deeply: does \"" + name + "\" include itself?");
      return nullptr;
    }
    auto it = partials_.find(name);
    if (it == partials_.end()) it = partials_.emplace(name, load(name)).first;
    if (it->second && it->second->is_string()) spend(it->second->string_value().size());
    return error_ ? nullptr : it->second.get();
  }

  const std::optional<TemplateError>& error() const { return error_; }

 private:
  void spend(std::size_t work) const {
    work_ += work;
    if (work_ > kMaxRenderWork) output_too_large();
  }

  std::unique_ptr<mus::data> load(const std::string& name) const {
    if (!valid_name(name)) {
      fail_at_tag(name, "invalid partial name \"" + name + "\"");
      return nullptr;
    }
    std::vector<std::string> candidates;
    const std::size_t dot = root_.name.find('.');
    if (name.find('.') == std::string::npos && dot != std::string::npos) {
      candidates.push_back(name + root_.name.substr(dot));
    }
    candidates.push_back(name);
    for (const std::string& candidate : candidates) {
      std::optional<TemplateSource> found;
      try {
        found = lookup(candidate, root_.project_root);
      } catch (const TemplateError& e) {
        error_ = e;
        return nullptr;
      }
      if (!found) continue;
      // Checked here, where the file is known: kainjow would report the error
      // at an offset of the partial's text as if it were the including one's.
      try {
        check_section_depth(*found);
      } catch (const TemplateError& e) {
        error_ = e;
        return nullptr;
      }
      mus::mustache probe{found->text};
      if (!probe.is_valid()) {
        error_ = syntax_error(*found, probe.error_message());
        return nullptr;
      }
      loaded_.push_back(*found);
      longest_line_ = std::max(longest_line_, longest_line(found->text));
      // kainjow does not strip the line of a standalone {{> partial}} tag as
      // the Mustache spec says, so a partial file ending with a newline (as
      // editors write them) would add a blank line. Dropping that one final
      // newline gives the spec's output for a tag alone on its line.
      std::string text = found->text;
      if (text.ends_with('\n')) text.pop_back();
      if (text.ends_with('\r')) text.pop_back();
      return std::make_unique<mus::data>(text);
    }
    std::string looked_for;
    for (const std::string& candidate : candidates) {
      looked_for += (looked_for.empty() ? "" : " or ") + candidate;
    }
    fail_at_tag(name, "partial \"" + name + "\" not found: no " + looked_for +
                          " in the project's templates/ nor built in");
    return nullptr;
  }

  // Reports at the first {{> name}} of the templates seen so far, the latest
  // loaded first: the one being rendered is the likeliest to hold it (and a
  // partial that includes itself holds it).
  void fail_at_tag(const std::string& name, const std::string& message) const {
    if (error_) return;
    std::vector<const TemplateSource*> seen;
    for (auto t = loaded_.rbegin(); t != loaded_.rend(); ++t) seen.push_back(&*t);
    seen.push_back(&root_);
    for (const TemplateSource* t : seen) {
      if (auto at = find_partial_tag(t->text, name)) {
        auto [line, column] = line_column(t->text, *at);
        error_ = TemplateError(t->display_name(), line, column, message);
        return;
      }
    }
    error_ = TemplateError(root_.display_name(), 0, 0, message);
  }

  const TemplateSource& root_;
  mus::context<std::string> values_;
  std::uintptr_t stack_base_;
  // kainjow keeps the pointers get_partial() returns: entries never move.
  mutable std::map<std::string, std::unique_ptr<mus::data>> partials_;
  mutable std::vector<TemplateSource> loaded_;
  mutable std::optional<TemplateError> error_;
  mutable std::size_t longest_line_;
  mutable std::size_t work_ = 0;
};

// Where kainjow writes the text it renders (the `stream << text` of its
// render()): kept up to kMaxRendered, then dropped, and the rendering stopped.
struct RenderSink {
  const Context& context;
  std::string text;
  RenderSink& operator<<(const std::string& piece) {
    if (text.size() + piece.size() > kMaxRendered) {
      context.output_too_large();
    } else {
      text += piece;
    }
    return *this;
  }
};

}  // namespace

std::string TemplateSource::display_name() const {
  return builtin() ? name + " (built-in)" : origin;
}

TemplateError::TemplateError(std::string file, int line, int column, const std::string& message)
    : std::runtime_error(error_text(file, line, column, message)),
      file_(std::move(file)),
      line_(line),
      column_(column),
      message_(message) {}

TemplateSource find_template(std::string_view name, const fs::path& project_root) {
  if (!valid_name(name)) {
    throw TemplateError(std::string(name), 0, 0, "invalid template name");
  }
  if (auto found = lookup(name, project_root)) return std::move(*found);
  throw TemplateError(std::string(name), 0, 0,
                      "no such template in the project's templates/ nor built in");
}

std::vector<TemplateSource> list_templates(const fs::path& project_root) {
  std::vector<std::string> names;
  for (const EmbeddedTemplate& t : builtin_templates()) names.emplace_back(t.name);
  std::error_code ec;
  const fs::path dir = project_root / "templates";
  if (!project_root.empty() && fs::is_directory(dir, ec)) {
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
      const std::string name = entry.path().filename().string();
      // A link is listed too: reading it says why it is refused.
      if (valid_name(name) && (entry.is_symlink(ec) || entry.is_regular_file(ec))) names.push_back(name);
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::vector<TemplateSource> out;
  for (const std::string& name : names) out.push_back(find_template(name, project_root));
  return out;
}

Escape escape_for(std::string_view template_name) {
  // Every dot-separated part after the first: "minutes.md.mustache" → md, mustache.
  std::string_view rest = template_name;
  for (std::size_t dot = rest.find('.'); dot != std::string_view::npos; dot = rest.find('.')) {
    rest.remove_prefix(dot + 1);
    const std::string_view part = rest.substr(0, rest.find('.'));
    if (part == "html" || part == "htm") return Escape::html;
    if (part == "md" || part == "markdown") return Escape::markdown;
  }
  return Escape::none;
}

std::string render_template(const TemplateSource& source, const mus::data& context, Escape escape) {
  check_section_depth(source);
  mus::mustache tmpl{source.text};
  if (!tmpl.is_valid()) throw syntax_error(source, tmpl.error_message());
  switch (escape) {
    case Escape::html:
      tmpl.set_custom_escape([](const std::string& s) { return html_escape(s); });
      break;
    case Escape::markdown:
      tmpl.set_custom_escape([](const std::string& s) { return markdown_escape(s); });
      break;
    case Escape::none:
      tmpl.set_custom_escape([](const std::string& s) { return s; });
      break;
  }
  Context ctx(source, context);
  RenderSink sink{ctx, {}};
  tmpl.render(ctx, sink);
  if (ctx.error()) throw *ctx.error();
  if (!tmpl.is_valid()) throw syntax_error(source, tmpl.error_message());
  return std::move(sink.text);
}

std::string render_template(const TemplateSource& source, const mus::data& context) {
  return render_template(source, context, escape_for(source.name));
}

}  // namespace cls
