// Document templates (SPEC §5.5): Mustache files built into the binary, which a
// project may override by placing a file of the same name under templates/.
#pragma once
#include <string_view>
#include <vector>

namespace cls {

struct EmbeddedTemplate {
  std::string_view name;  // file name under templates/, e.g. "minutes.md.mustache"
  std::string_view text;
};

// Every template of the repository's templates/ folder, sorted by name
// (generated at build time by cmake/embed_templates.cmake).
const std::vector<EmbeddedTemplate>& builtin_templates();

}  // namespace cls
