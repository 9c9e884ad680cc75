// SPDX-License-Identifier: EUPL-1.2
// libFuzzer target: a project template from bytes (SPEC §5.5, §13), rendered
// with Markdown escaping against a small context, its partials the built-in
// templates (no project folder): no
// crash, and either a TemplateError or a text within the rendering bound.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "cls/templates.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace mus = kainjow::mustache;
  const std::string text(reinterpret_cast<const char*>(data), size);
  mus::data item = mus::data::type::object;
  item.set("title", "www.example.org/<img src=x> [x]: javascript:alert(1)");
  item.set("id", "A-1");
  mus::data list = mus::data::type::list;
  for (int i = 0; i < 3; ++i) list.push_back(item);
  mus::data context = mus::data::type::object;
  context.set("actions", list);
  context.set("meeting", item);
  context.set("title", "Plan *local* de santé");
  for (const char* name : {"fuzz.md.mustache", "fuzz.html.mustache"}) {
    cls::TemplateSource source{name, text, "templates/fuzz", {}};
    try {
      const std::string out = cls::render_template(source, context);
      if (out.size() > (64u << 20)) std::abort();  // the bound of templates.cc
    } catch (const cls::TemplateError&) {
    }
  }
  return 0;
}
