// SPDX-License-Identifier: EUPL-1.2
#include "mail_out.h"

#include <cstdio>

#include "cls/i18n.h"
#include "cls/minutes.h"
#include "cls/pdf.h"
#include "cls/project_files.h"
#include "cls/templates.h"

namespace cls::cli {

namespace fs = std::filesystem;

namespace {

// An attachment larger than this would not pass most mail servers anyway.
constexpr std::size_t kMaxAttachmentBytes = 20u << 20;

MailAddress sender_or_exit(const Project& p, const std::string& from) {
  std::optional<MailAddress> a;
  try {
    a = sender(p, from);
  } catch (const MailError& e) {
    throw Exit{kUsage, std::string("cls: ") + e.what()};
  }
  if (!a) {
    throw Exit{kUsage, std::string("cls: ") +
                           tr("no sender for the messages: give the organisation an e-mail address in cls.yaml "
                              "(organisation.email), or use --from ADDRESS")};
  }
  return *a;
}

// Whether the PDFs can be made; if not, said once on standard error.
bool pdf_available(const Globals& g) {
  try {
    find_weasyprint();
    return true;
  } catch (const PdfError& e) {
    if (!g.quiet) {
      std::fprintf(stderr, "cls: %s\n",
                   trf("the messages carry no PDF: {}", std::string(e.what())).c_str());
    }
    return false;
  }
}

// The agenda's attachments (SPEC §8.1), read through the project's file
// reader; `cls check` (ref/file) has made sure they lie inside the project.
std::vector<MailAttachment> agenda_files(const Project& p, const Meeting& m) {
  std::vector<MailAttachment> out;
  for (const AgendaItem& item : m.agenda) {
    for (const Attachment& a : item.attachments) {
      if (!a.file) continue;
      std::string bytes, error;
      if (!read_project_file(p.root / *a.file, kMaxAttachmentBytes, bytes, error)) {
        throw Exit{kUsage, "cls: " + trf("cannot attach {}: {}", *a.file, error)};
      }
      out.push_back({fs::path(*a.file).filename().string(), mime_type_of(*a.file), std::move(bytes),
                     a.title.value_or("")});
    }
  }
  return out;
}

std::string file_name(const Meeting& m, const std::string& id, std::string_view ext) {
  // Ids are [A-Za-z0-9][A-Za-z0-9._-]*: a name inside DIR.
  return m.id + "--" + id + "." + std::string(ext);
}

MailOut out_of(const Meeting& m, const Actor& a, const MailMessage& message) {
  try {
    return {file_name(m, a.id, "eml"), header_text(message.to.name) + " <" + message.to.email + ">",
            message_id(message), render_message(message)};
  } catch (const MailError& e) {
    throw Exit{kUsage, std::string("cls: ") + e.what()};
  }
}

}  // namespace

MailBatch convocation_mails(const Globals& g, const Project& p, const Meeting& m, const std::vector<LetterTo>& letters,
                            const fs::path& dir, const std::string& from) {
  const MailSettings settings{sender_or_exit(p, from), g.today_date()};
  const Date letter_date = m.convocation && m.convocation->date ? *m.convocation->date : g.today_date();
  const std::vector<MailAttachment> files = agenda_files(p, m);
  MailBatch batch;
  try {
    // Every letter as PDF from one WeasyPrint run, when it is there.
    std::vector<std::string> pdfs(letters.size());
    const bool pdf = pdf_available(g);
    if (pdf) {
      std::vector<std::string> ids;
      for (const LetterTo& to : letters) ids.push_back(to.id);
      pdfs = to_pdfs(render_letters(p, m, letters, DocFormat::html, letter_date), ids, [&](std::size_t i) {
        return render_letters(p, m, {letters[i]}, DocFormat::html, letter_date);
      });
    }
    for (std::size_t i = 0; i < letters.size(); ++i) {
      const Actor* a = p.actor(letters[i].id);
      if (!a) continue;
      if (!a->email) {
        const std::string name = file_name(m, a->id, pdf ? "pdf" : "html");
        batch.printable.push_back(
            {dir / name, pdf ? pdfs[i] : render_letters(p, m, {letters[i]}, DocFormat::html, letter_date)});
        batch.printable_to.push_back(a->name.value_or(a->id));
        continue;
      }
      try {
        batch.messages.push_back(
            out_of(m, *a, convocation_message(p, m, letters[i], settings, letter_date, pdfs[i], files)));
      } catch (const MailError& e) {
        throw Exit{kUsage, std::string("cls: ") + e.what()};
      }
    }
  } catch (const TemplateError& e) {
    throw Exit{kInvalid, template_error_text(e, p.root)};
  }
  return batch;
}

MailBatch minutes_mails(const Globals& g, const Project& p, const Meeting& m, const fs::path& dir,
                        const std::string& from) {
  const MailSettings settings{sender_or_exit(p, from), g.today_date()};
  MailBatch batch;
  try {
    const std::string text = render_minutes(p, m, DocFormat::markdown);
    const std::string html = render_minutes(p, m, DocFormat::html);
    const bool pdf_ok = pdf_available(g);
    const std::string pdf = pdf_ok ? to_pdf(html) : "";
    bool printable_written = false;
    for (const std::string& id : minutes_recipients(p, m)) {
      const Actor* a = p.actor(id);
      if (!a) continue;
      if (!a->email) {
        // One copy to print serves everyone without an address.
        const std::string name = m.id + (pdf_ok ? ".pdf" : ".html");
        if (!printable_written) batch.printable.push_back({dir / name, pdf_ok ? pdf : html});
        printable_written = true;
        batch.printable_to.push_back(a->name.value_or(a->id));
        continue;
      }
      batch.messages.push_back(out_of(m, *a, minutes_message(p, m, *a, settings, text, html, pdf)));
    }
  } catch (const TemplateError& e) {
    throw Exit{kInvalid, template_error_text(e, p.root)};
  }
  return batch;
}

void report_printable(const Globals& g, const MailBatch& batch) {
  if (g.quiet || batch.printable_to.empty()) return;
  std::fprintf(stderr, "cls: %s\n",
               trnf("{} recipient has no e-mail address; print and post their letter:",
                    "{} recipients have no e-mail address; print and post their letters:",
                    batch.printable_to.size(), batch.printable_to.size())
                   .c_str());
  for (std::size_t i = 0; i < batch.printable_to.size(); ++i) {
    const fs::path& file = batch.printable.size() == batch.printable_to.size() ? batch.printable[i].path
                                                                               : batch.printable.front().path;
    std::fprintf(stderr, "  %s: %s\n", batch.printable_to[i].c_str(), file.string().c_str());
  }
}

}  // namespace cls::cli
