// SPDX-License-Identifier: EUPL-1.2
#include "cls/mail.h"

#include <gmime/gmime.h>

#include <cstring>
#include <memory>
#include <mutex>

namespace cls {

namespace {

// GObject references, released whatever happens.
struct Unref {
  void operator()(gpointer p) const {
    if (p) g_object_unref(p);
  }
};
template <class T>
using GRef = std::unique_ptr<T, Unref>;

void init_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

bool ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Text for a text part: line ends as LF (the writer makes them CRLF), no
// other control character than the tab.
std::string part_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c == '\n' || c == '\t' || static_cast<unsigned char>(c) >= 0x20) {
      if (c != 0x7F) out += c;
    }
  }
  return out;
}

// The hash of everything the message says but its Message-ID: 16 hex digits
// of SHA-256.
std::string content_hash(const MailMessage& m) {
  GChecksum* sum = g_checksum_new(G_CHECKSUM_SHA256);
  auto add = [&](std::string_view s) {
    const std::string len = std::to_string(s.size()) + ":";
    g_checksum_update(sum, reinterpret_cast<const guchar*>(len.data()), static_cast<gssize>(len.size()));
    g_checksum_update(sum, reinterpret_cast<const guchar*>(s.data()), static_cast<gssize>(s.size()));
  };
  add(m.from.name), add(m.from.email);
  add(m.reply_to ? m.reply_to->name : ""), add(m.reply_to ? m.reply_to->email : "");
  add(m.to.name), add(m.to.email), add(m.subject), add(m.date.iso());
  add(m.id_prefix), add(m.id_domain), add(m.text), add(m.html);
  for (const MailAttachment& a : m.attachments) {
    add(a.filename), add(a.content_type), add(a.description), add(a.bytes);
  }
  std::string hex = g_checksum_get_string(sum);
  g_checksum_free(sum);
  return hex.substr(0, 16);
}

GMimeContentType* content_type(const std::string& text) {
  GMimeContentType* ct = g_mime_content_type_parse(nullptr, text.c_str());
  if (!ct) throw MailError("not a MIME type: " + text);
  return ct;
}

// A text part in UTF-8 (g_mime_text_part_set_text() would pick Latin-1 for
// a French text that fits it), quoted-printable or base64, whichever is
// shorter.
GRef<GMimeTextPart> text_part(const char* subtype, const std::string& text) {
  GRef<GMimeTextPart> part(g_mime_text_part_new_with_subtype(subtype));
  const std::string bytes = part_text(text);
  GRef<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
  GRef<GMimeDataWrapper> content(g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
  GMimePart* p = GMIME_PART(part.get());
  g_mime_part_set_content(p, content.get());
  g_mime_text_part_set_charset(part.get(), "utf-8");
  g_mime_part_set_content_encoding(p, g_mime_part_get_best_content_encoding(p, GMIME_ENCODING_CONSTRAINT_7BIT));
  return part;
}

// A mailbox whose name is encoded in UTF-8 when it needs encoding.
void add_mailbox(GMimeMessage* message, GMimeAddressType type, const MailAddress& a) {
  InternetAddress* ia = internet_address_mailbox_new(header_text(a.name).c_str(), a.email.c_str());
  internet_address_set_charset(ia, "utf-8");
  internet_address_list_add(g_mime_message_get_addresses(message, type), ia);
  g_object_unref(ia);
}

GRef<GMimePart> attachment_part(const MailAttachment& a) {
  GRef<GMimePart> part(g_mime_part_new());
  GMimeContentType* ct = content_type(a.content_type);
  g_mime_object_set_content_type(GMIME_OBJECT(part.get()), ct);
  g_object_unref(ct);
  GRef<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(a.bytes.data(), a.bytes.size()));
  GRef<GMimeDataWrapper> content(g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
  g_mime_part_set_content(part.get(), content.get());
  g_mime_part_set_content_encoding(part.get(), GMIME_CONTENT_ENCODING_BASE64);
  g_mime_part_set_filename(part.get(), header_text(a.filename).c_str());
  // The file name's parameters in UTF-8 too (RFC 2231).
  GMimeObject* object = GMIME_OBJECT(part.get());
  auto utf8 = [](GMimeParamList* list, const char* name) {
    if (GMimeParam* param = list ? g_mime_param_list_get_parameter(list, name) : nullptr) {
      g_mime_param_set_charset(param, "utf-8");
    }
  };
  if (GMimeContentDisposition* d = g_mime_object_get_content_disposition(object)) {
    utf8(g_mime_content_disposition_get_parameters(d), "filename");
  }
  utf8(g_mime_content_type_get_parameters(g_mime_object_get_content_type(object)), "name");
  if (const std::string d = header_text(a.description); !d.empty()) {
    g_mime_part_set_content_description(part.get(), d.c_str());
  }
  return part;
}

void check_address(const MailAddress& a, const char* what) {
  if (!is_email_address(a.email)) {
    throw MailError(std::string(what) + ": '" + header_text(a.email) + "' is not an e-mail address");
  }
}

}  // namespace

bool is_email_address(std::string_view s) {
  const std::size_t at = s.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= s.size() || s.size() > 254) return false;
  const std::string_view local = s.substr(0, at), domain = s.substr(at + 1);
  if (local.size() > 64) return false;
  // The local part as a dot-atom: atext and single inner dots.
  static constexpr std::string_view kAtext = "!#$%&'*+-/=?^_`{|}~";
  char prev = '.';
  for (const char c : local) {
    if (c == '.') {
      if (prev == '.') return false;
    } else if (!ascii_alnum(c) && kAtext.find(c) == std::string_view::npos) {
      return false;
    }
    prev = c;
  }
  if (prev == '.') return false;
  // The domain: labels of letters, digits and inner hyphens, at least two.
  std::size_t labels = 0, start = 0;
  while (start <= domain.size()) {
    const std::size_t dot = domain.find('.', start);
    const std::string_view label = domain.substr(start, dot == std::string_view::npos ? domain.npos : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    for (const char c : label) {
      if (!ascii_alnum(c) && c != '-') return false;
    }
    ++labels;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return labels >= 2;
}

std::string header_text(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    const bool space = u < 0x20 || u == 0x7F || c == ' ';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string mime_type_of(std::string_view filename) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {"pdf", "application/pdf"},
      {"odt", "application/vnd.oasis.opendocument.text"},
      {"ods", "application/vnd.oasis.opendocument.spreadsheet"},
      {"odp", "application/vnd.oasis.opendocument.presentation"},
      {"doc", "application/msword"},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"xls", "application/vnd.ms-excel"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"ppt", "application/vnd.ms-powerpoint"},
      {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
      {"rtf", "application/rtf"},
      {"zip", "application/zip"},
      {"json", "application/json"},
      {"xml", "application/xml"},
      {"csv", "text/csv"},
      {"txt", "text/plain"},
      {"md", "text/markdown"},
      {"html", "text/html"},
      {"htm", "text/html"},
      {"ics", "text/calendar"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"svg", "image/svg+xml"},
      {"webp", "image/webp"},
  };
  const std::size_t slash = filename.rfind('/');
  const std::string_view base = slash == std::string_view::npos ? filename : filename.substr(slash + 1);
  const std::size_t dot = base.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return "application/octet-stream";
  std::string ext(base.substr(dot + 1));
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (const auto& [e, type] : kTypes) {
    if (e == ext) return std::string(type);
  }
  return "application/octet-stream";
}

std::string id_atom(std::string_view id) {
  std::string out;
  for (const char c : id) out += ascii_alnum(c) || c == '-' || c == '_' ? c : '-';
  return out;
}

std::string message_id(const MailMessage& m) {
  return m.id_prefix + "." + content_hash(m) + "@" + m.id_domain;
}

std::string render_message(const MailMessage& m) {
  init_gmime();
  check_address(m.from, "From");
  check_address(m.to, "To");
  if (m.reply_to) check_address(*m.reply_to, "Reply-To");
  const std::string hash = content_hash(m);

  GRef<GMimeMessage> message(g_mime_message_new(TRUE));
  add_mailbox(message.get(), GMIME_ADDRESS_TYPE_FROM, m.from);
  if (m.reply_to) add_mailbox(message.get(), GMIME_ADDRESS_TYPE_REPLY_TO, *m.reply_to);
  add_mailbox(message.get(), GMIME_ADDRESS_TYPE_TO, m.to);
  g_mime_message_set_subject(message.get(), header_text(m.subject).c_str(), "utf-8");
  GDateTime* date = g_date_time_new_utc(m.date.year(), m.date.month(), m.date.day(), 0, 0, 0);
  g_mime_message_set_date(message.get(), date);
  g_date_time_unref(date);
  g_mime_message_set_message_id(message.get(), message_id(m).c_str());

  GRef<GMimeMultipart> alternative(g_mime_multipart_new_with_subtype("alternative"));
  g_mime_multipart_set_boundary(alternative.get(), ("=_cls_alternative_" + hash).c_str());
  g_mime_multipart_add(alternative.get(), GMIME_OBJECT(text_part("plain", m.text).get()));
  g_mime_multipart_add(alternative.get(), GMIME_OBJECT(text_part("html", m.html).get()));

  GRef<GMimeMultipart> mixed(g_mime_multipart_new_with_subtype("mixed"));
  g_mime_multipart_set_boundary(mixed.get(), ("=_cls_mixed_" + hash).c_str());
  g_mime_multipart_add(mixed.get(), GMIME_OBJECT(alternative.get()));
  for (const MailAttachment& a : m.attachments) {
    g_mime_multipart_add(mixed.get(), GMIME_OBJECT(attachment_part(a).get()));
  }
  g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(mixed.get()));

  // CRLF line ends: GMime's own for what it writes, and a filter for the
  // rest, so that no bare LF is left.
  GMimeFormatOptions* options = g_mime_format_options_new();
  g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
  GRef<GMimeStream> memory(g_mime_stream_mem_new());
  GRef<GMimeStream> filtered(g_mime_stream_filter_new(memory.get()));
  GRef<GMimeFilter> crlf(g_mime_filter_unix2dos_new(FALSE));
  g_mime_stream_filter_add(GMIME_STREAM_FILTER(filtered.get()), crlf.get());
  const gint64 written = g_mime_object_write_to_stream(GMIME_OBJECT(message.get()), options, filtered.get());
  g_mime_stream_flush(filtered.get());
  g_mime_format_options_free(options);
  if (written < 0) throw MailError("GMime could not write the message to " + m.to.email);
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(memory.get()));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

}  // namespace cls
