// SPDX-License-Identifier: EUPL-1.2
#include "cls/mail.h"

#include <doctest/doctest.h>

#include <string>

#include "cls/convocation.h"
#include "cls/sendmail.h"
#include "test_project.h"

using namespace cls;

namespace {

const char* kManifest =
    "id: tdl\ntitle: Contrat local de santé du Toulois\nlang: fr\n"
    "organisation: {name: Pays Terres de Lorraine, city: Toul, email: cls@example.org,\n"
    "  contact: {name: Julie Perrin, email: j.perrin@example.org}}\n"
    "period: {start: 2024-01-01, end: 2027-12-31}\n"
    "axes:\n  - id: ax\n    title: Axe\n    objectives:\n      - {id: ob, title: Objectif}\n"
    "bodies:\n  - id: copil\n    title: Comité de pilotage\n    members: [a, b]\n    chair: b\n";

const char* kActors =
    "- {id: a, name: \"Anne-Sophie Ébrard\", civility: Mme, email: a@example.org}\n"
    "- {id: b, name: Bernard B, email: b@example.org}\n";

const char* kMeeting =
    "id: copil-2026-12\nbody: copil\ndate: 2026-12-10\nstart: \"14:00\"\nend: \"16:00\"\n"
    "convocation: {date: 2026-11-20}\nagenda:\n  - title: Point\n";

MailMessage sample() {
  MailMessage m;
  m.from = {"Pays Terres de Lorraine", "cls@example.org"};
  m.to = {"Anne-Sophie Ébrard", "a@example.org"};
  m.subject = "Convocation au comité de pilotage";
  m.date = *Date::parse("2026-11-25");
  m.id_prefix = "convocation.copil.a";
  m.id_domain = "tdl.cls";
  m.text = "Madame,\nJ’ai l’honneur…\n";
  m.html = "<!DOCTYPE html><html><body><p>Madame,</p></body></html>\n";
  m.attachments.push_back({"invitation.ics", "text/calendar; charset=utf-8; method=REQUEST",
                           "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", ""});
  return m;
}

bool has_bare_lf(const std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n' && (i == 0 || s[i - 1] != '\r')) return true;
  }
  return false;
}

std::string header_block(const std::string& message) { return message.substr(0, message.find("\r\n\r\n") + 2); }

}  // namespace

TEST_CASE("e-mail addresses: what cls check accepts") {
  CHECK(is_email_address("m.martin@example.org"));
  CHECK(is_email_address("contact+cls@sous.domaine.example.fr"));
  CHECK_FALSE(is_email_address("m.martin"));
  CHECK_FALSE(is_email_address("m martin@example.org"));
  CHECK_FALSE(is_email_address("a@b"));  // no dot in the domain
  CHECK_FALSE(is_email_address("a@example.org\r\nBcc: x@evil.example"));
  CHECK_FALSE(is_email_address("Marie <m@example.org>"));
  CHECK_FALSE(is_email_address("a..b@example.org"));
  CHECK_FALSE(is_email_address("a@-example.org"));
  CHECK_FALSE(is_email_address("a@exa_mple.org"));
  CHECK_FALSE(is_email_address("é@example.org"));
}

TEST_CASE("header text: no line break survives") {
  CHECK(header_text("Objet\r\nBcc: x@evil.example") == "Objet Bcc: x@evil.example");
  CHECK(header_text("  a\tb  ") == "a b");
}

TEST_CASE("MIME types from the extension") {
  CHECK(mime_type_of("documents/prs-projet.PDF") == "application/pdf");
  CHECK(mime_type_of("a.odt") == "application/vnd.oasis.opendocument.text");
  CHECK(mime_type_of("notes") == "application/octet-stream");
  CHECK(mime_type_of("x.weird") == "application/octet-stream");
}

TEST_CASE("a message: headers, parts, CRLF, deterministic") {
  const MailMessage m = sample();
  const std::string text = render_message(m);
  CHECK_FALSE(has_bare_lf(text));
  const std::string headers = header_block(text);
  CHECK(headers.find("From: Pays Terres de Lorraine <cls@example.org>\r\n") != std::string::npos);
  CHECK(headers.find("To: Anne-Sophie =?UTF-8?b?") != std::string::npos);  // the name is encoded (RFC 2047)
  CHECK(headers.find("Date: Wed, 25 Nov 2026 00:00:00 +0000\r\n") != std::string::npos);
  CHECK(headers.find("Message-Id: <" + message_id(m) + ">") != std::string::npos);
  CHECK(headers.find("multipart/mixed") != std::string::npos);
  CHECK(text.find("multipart/alternative") != std::string::npos);
  CHECK(text.find("text/calendar") != std::string::npos);
  CHECK(text.find("method=REQUEST") != std::string::npos);
  CHECK(render_message(m) == text);  // the same bytes again
  MailMessage changed = m;
  changed.text += "Salle changée.\n";
  CHECK(message_id(changed) != message_id(m));  // a corrected message is a new one
  CHECK(message_id(m).rfind("convocation.copil.a.", 0) == 0);
}

TEST_CASE("header injection: a line break in a name or subject adds no header") {
  MailMessage m = sample();
  m.subject = "Convocation\r\nBcc: victim@example.org";
  m.to.name = "Anne\nCc: other@example.org";
  const std::string headers = header_block(render_message(m));
  CHECK(headers.find("\r\nBcc:") == std::string::npos);
  CHECK(headers.find("\r\nCc:") == std::string::npos);
  m.to.email = "a@example.org\r\nBcc: x@example.org";
  CHECK_THROWS_AS(render_message(m), MailError);
}

TEST_CASE("the convocation as a message: subject, invitation, reply-to") {
  auto l = testing::load({{"cls.yaml", kManifest}, {"actors/all.yaml", kActors}, {"meetings/m.yaml", kMeeting}});
  INFO(l.messages());
  REQUIRE(!l.diags.has_errors());
  const Project& p = l.project;
  const Meeting& meeting = *p.meeting("copil-2026-12");
  const auto from = sender(p, "");
  REQUIRE(from);
  CHECK(from->email == "cls@example.org");
  CHECK(sender(p, "Secrétariat <sec@example.org>")->name == "Secrétariat");
  CHECK_THROWS_AS(sender(p, "pas une adresse"), MailError);
  const MailMessage m = convocation_message(p, meeting, LetterTo{"a", ""}, MailSettings{*from, *Date::parse("2026-11-25")},
                                            *Date::parse("2026-11-20"), "", {});
  CHECK(m.subject.rfind("Convocation au comité de pilotage", 0) == 0);
  REQUIRE(m.reply_to);
  CHECK(m.reply_to->email == "j.perrin@example.org");
  REQUIRE(m.attachments.size() == 1);  // no PDF given: the invitation only
  std::string ics = m.attachments[0].bytes;  // unfolded
  for (std::size_t at = ics.find("\r\n "); at != std::string::npos; at = ics.find("\r\n ", at)) ics.erase(at, 3);
  CHECK(ics.find("METHOD:REQUEST") != std::string::npos);
  CHECK(ics.find("UID:copil-2026-12@tdl.cls") != std::string::npos);
  CHECK(ics.find("mailto:a@example.org") != std::string::npos);
  CHECK(ics.find("mailto:b@example.org") == std::string::npos);  // the recipient alone
  CHECK(ics.find("ORGANIZER") != std::string::npos);
}

TEST_CASE("schema/type: an email that is not an address") {
  auto l = testing::load({{"cls.yaml", kManifest},
                          {"actors/all.yaml", std::string(kActors) + "- {id: c, name: C, email: \"c@example.org\\r\\nBcc: x@y.org\"}\n"
                                                                        "- {id: d, name: D, email: d-at-example}\n"}});
  CHECK(l.at("schema/type") == std::vector<std::string>{"3:27", "4:27"});
}

TEST_CASE("sendmail: words of CLS_SENDMAIL, the log") {
  CHECK(split_command("msmtp -t --file='/tmp/a b/conf'") == std::vector<std::string>{"msmtp", "-t", "--file=/tmp/a b/conf"});
  CHECK(split_command(" a  \"b c\" d\\ e ") == std::vector<std::string>{"a", "b c", "d e"});
  CHECK_THROWS_AS(split_command("a 'b"), SendError);
  CHECK(sendmail_command("/bin/true -x") == std::vector<std::string>{"/bin/true", "-x"});
  CHECK(pipe_to({"/bin/sh", "-c", "cat > /dev/null"}, std::string(200000, 'x')).ok);
  CHECK(pipe_to({"/bin/true"}, std::string(200000, 'x')).ok);  // its exit status is its word
  const SendResult r = pipe_to({"/bin/sh", "-c", "exit 75"}, "message");
  CHECK_FALSE(r.ok);
  CHECK(r.detail == "exit 75");
  CHECK_FALSE(pipe_to({"/nonexistent/sendmail"}, "x").ok);
  CHECK(sent_log_line({"2026-12-06T16:00:00Z", "m--a.eml", "A\t<a@example.org>", "id@x", "sent"}) ==
        "2026-12-06T16:00:00Z\tm--a.eml\tA <a@example.org>\tid@x\tsent\n");
}

TEST_CASE("the compte rendu by e-mail: to everyone convened and whoever sat") {
  const std::string held =
      "- id: copil-2026-06\n  body: copil\n  date: 2026-06-10\n  guests: [g]\n  agenda:\n    - title: Point\n"
      "  attendance: {present: [b, s], excused: [a]}\n";
  auto l = testing::load({{"cls.yaml", kManifest},
                          {"actors/all.yaml", std::string(kActors) + "- {id: g, name: Invité}\n- {id: s, name: Sam, email: s@example.org}\n"},
                          {"meetings/m.yaml", held}});
  INFO(l.messages());
  REQUIRE(!l.diags.has_errors());
  const Meeting& m = *l.project.meeting("copil-2026-06");
  // Members present or not, the guest, then the one who sat uninvited.
  CHECK(minutes_recipients(l.project, m) == std::vector<std::string>{"a", "b", "g", "s"});
  CHECK(minutes_subject(l.project, m) ==
        "Projet de compte rendu du comité de pilotage du contrat local de santé du Toulois du mercredi 10\u00A0juin 2026");
  const MailMessage msg = minutes_message(l.project, m, *l.project.actor("b"),
                                          MailSettings{{"CLS", "cls@example.org"}, *Date::parse("2026-06-20")},
                                          "texte", "<html></html>", "%PDF-1.7");
  CHECK(msg.id_prefix == "minutes.copil-2026-06.b");
  REQUIRE(msg.attachments.size() == 1);
  CHECK(msg.attachments[0].filename == "compte-rendu-copil-2026-06.pdf");
}
