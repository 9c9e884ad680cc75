// SPDX-License-Identifier: EUPL-1.2
#include "cls/agenda.h"

namespace cls {

std::string render_agenda(const Project& project, const Meeting& meeting, DocFormat format) {
  auto ctx = document_context(project, meeting, format);
  const auto items = agenda_items_context(project, meeting, format, true);
  ctx.set("has_items", !items.is_empty_list());
  ctx.set("items", items);
  return render_document(project, "agenda", format, ctx);
}

}  // namespace cls
