// SPDX-License-Identifier: EUPL-1.2
// cls list: the tables a coordinator asks for (SPEC §3) — actions, actors,
// meetings, follow-ups — with filters, as an aligned text table, JSON or CSV.
// Values are the files' ids and ISO dates (what the filters take back), and
// the headers are the CLI's, in English, like the rest of its messages.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli.h"
#include "cls/attendance.h"
#include "cls/json_writer.h"
#include "cls/report.h"
#include "cls/rollup.h"
#include "cls/text.h"
#include "cls/xlsx.h"
#include "cls/utf8.h"

namespace cls::cli {

namespace {

using Json = nlohmann::ordered_json;

// One table: the text columns and cells, and the JSON of each row, whose keys
// (in order) are also the CSV columns.
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> cells;
  std::vector<std::string> keys;
  std::vector<Json> json;
};

std::string one_line(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

// A cell of a column other than the last is cut at this many columns, so
// that one long name does not push the rest of the table off the screen; JSON
// and CSV keep every value whole.
constexpr std::size_t kMaxCell = 40;

// Columns line up by the width a terminal gives each text (display_width: an
// accent decomposed as macOS writes it takes none, a CJK character or an
// emoji two), and cells are composed (NFC) first, as terminals draw best.
std::string render_text(Table t) {
  for (auto& row : t.cells) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      row[i] = nfc(row[i]);
      if (i + 1 < row.size()) row[i] = truncate_to_width(row[i], kMaxCell);
    }
  }
  std::vector<std::string> header;
  for (const auto& c : t.columns) {
    std::string h = c;
    for (char& ch : h) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    header.push_back(h);
  }
  std::vector<std::size_t> width(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) width[i] = display_width(header[i]);
  for (const auto& row : t.cells) {
    for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], display_width(row[i]));
  }
  std::string out;
  auto line = [&](const std::vector<std::string>& row) {
    std::string l;
    for (std::size_t i = 0; i < row.size(); ++i) {
      l += row[i];
      if (i + 1 < row.size()) l += std::string(width[i] - display_width(row[i]) + 2, ' ');
    }
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += l + "\n";
  };
  line(header);
  for (const auto& row : t.cells) line(row);
  return out;
}

// CSV is the JSON flattened: a column per key, booleans as 1 and 0 (so that a
// spreadsheet can add them up), null as an empty field.
std::string render_csv(const Table& t, CsvDialect dialect) {
  CsvWriter csv(dialect);
  for (const auto& k : t.keys) csv.text(k);
  csv.end_row();
  for (const Json& row : t.json) {
    for (const auto& k : t.keys) {
      const Json& v = row.at(k);
      if (v.is_null()) csv.empty();
      else if (v.is_boolean()) csv.number(v.get<bool>() ? "1" : "0");
      else if (v.is_number_integer()) csv.number(std::to_string(v.get<std::int64_t>()));
      else if (v.is_number()) csv.number(v.get<double>(), 4);
      else csv.text(v.get<std::string>());
    }
    csv.end_row();
  }
  return csv.str();
}

// The workbook is the JSON too, one sheet named after the kind: the keys as
// headers (as in CSV), dates as dates, progress as a percentage, booleans as
// TRUE/FALSE.
void render_xlsx(const Table& t, const std::string& kind, const Project& p, Date today, std::FILE* out) {
  auto is_date = [](const std::string& k) { return k == "start" || k == "due" || k == "date" || k == "done"; };
  auto is_long = [](const std::string& k) { return k == "title" || k == "task" || k == "name" || k == "item"; };
  std::vector<XlsxColumn> columns;
  for (const std::string& k : t.keys) {
    XlsxColumn c{k, is_long(k) ? 50.0 : is_date(k) ? 11.0 : 14.0, XlsxKind::text};
    if (is_date(k)) c.kind = XlsxKind::date;
    else if (k == "progress") c.kind = XlsxKind::percent;
    columns.push_back(c);
  }
  XlsxProperties props;
  props.title = "cls list " + kind + " — " + p.manifest.title.value_or("");
  props.subject = p.manifest.title.value_or("");
  if (const auto& org = p.manifest.organisation; org && org->name) props.author = props.company = *org->name;
  props.created = today;
  props.lang = p.lang();
  XlsxWorkbook book(props);
  XlsxSheet& sheet = book.add_sheet(kind, std::move(columns));
  for (const Json& row : t.json) {
    for (const std::string& k : t.keys) {
      const Json& v = row.at(k);
      if (v.is_null()) sheet.blank();
      else if (v.is_boolean()) sheet.boolean(v.get<bool>());
      else if (v.is_number_integer()) sheet.integer(v.get<std::int64_t>());
      else if (v.is_number() && k == "progress") sheet.percent(v.get<double>());
      else if (v.is_number()) sheet.number(v.get<double>());
      else if (is_date(k)) sheet.date(Date::parse(v.get<std::string>()));
      else sheet.text(v.get<std::string>());
    }
    sheet.end_row();
  }
  book.write(out);
}

Json opt(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }
std::string iso(const Field<Date>& d) { return d ? d->iso() : ""; }
std::string ref_id(const std::optional<Ref>& r) { return r ? r->id : ""; }

struct Filters {
  std::vector<std::string> status;
  std::string lead, axis, body, from, to;
  bool late = false, open = false;
  std::optional<Date> from_date, to_date;
};

bool in_range(const Filters& f, const Field<Date>& d) {
  if (!f.from_date && !f.to_date) return true;
  if (!d) return false;
  if (f.from_date && *d < *f.from_date) return false;
  if (f.to_date && *d > *f.to_date) return false;
  return true;
}

// A filter given for a kind it does not apply to is a mistake worth saying.
void only_for(const std::string& kind, const char* option, bool given,
              std::initializer_list<const char*> kinds) {
  if (!given) return;
  for (const char* k : kinds) {
    if (kind == k) return;
  }
  std::string list;
  for (const char* k : kinds) list += (list.empty() ? "" : ", ") + std::string(k);
  throw Exit{kUsage, "cls list: " + std::string(option) + " does not apply to " + kind + " (only to " + list + ")"};
}

// An id given to a filter that the project does not have: the nearest one
// when there is a near miss, else the ids to choose from when they are few
// (axes, bodies), else where to find them.
void require_known(const char* what, const std::string& id, bool exists,
                   const std::vector<std::string_view>& ids, const char* where) {
  if (id.empty() || exists) return;
  std::string hint;
  if (const std::string near = nearest(id, ids); !near.empty()) {
    hint = " (did you mean '" + near + "'?)";
  } else if (!ids.empty() && ids.size() <= 12) {
    for (std::string_view known : ids) hint += (hint.empty() ? " (known: " : ", ") + std::string(known);
    hint += ")";
  } else if (where) {
    hint = std::string(" (see ") + where + ")";
  }
  throw Exit{kUsage, "cls list: no " + std::string(what) + " '" + id + "'" + hint};
}

// A progress as the report's JSON writes it: exact (SPEC §9), 1 and 0 as integers.
Json progress_json(const std::optional<double>& p) {
  if (!p) return nullptr;
  if (*p == 0.0 || *p == 1.0) return static_cast<int>(*p);
  return *p;
}

std::string percent(const std::optional<double>& p) {
  return p ? format_percent(Lang::en, *p) : "-";
}

Table actions_table(const Rollup& r, const Filters& f) {
  Table t;
  t.columns = {"id", "status", "due", "late", "progress", "axis", "lead", "title"};
  t.keys = {"id", "title", "status", "objective", "axis", "lead", "start", "due", "late", "progress"};
  for (const ActionRollup& ar : r.actions) {
    const Action& a = *ar.action;
    if (!f.status.empty() &&
        std::find(f.status.begin(), f.status.end(), to_string(ar.status)) == f.status.end()) {
      continue;
    }
    if (!f.lead.empty() && ref_id(a.lead) != f.lead) continue;
    if (!f.axis.empty() && (!ar.axis || ar.axis->id != f.axis)) continue;
    if (f.late && !ar.late) continue;
    if (f.open && (ar.status == Status::done || ar.status == Status::abandoned)) continue;
    if (!in_range(f, a.due)) continue;
    const std::string axis = ar.axis ? ar.axis->id : "";
    t.cells.push_back({a.id, std::string(to_string(ar.status)), iso(a.due), ar.late ? "late" : "",
                       percent(ar.progress), axis, ref_id(a.lead), one_line(a.title.value_or(""))});
    t.json.push_back(Json{{"id", a.id},
                          {"title", a.title.value_or("")},
                          {"status", to_string(ar.status)},
                          {"objective", ar.objective ? Json(ar.objective->id) : Json(nullptr)},
                          {"axis", opt(axis)},
                          {"lead", opt(ref_id(a.lead))},
                          {"start", opt(iso(a.start))},
                          {"due", opt(iso(a.due))},
                          {"late", ar.late},
                          {"progress", progress_json(ar.progress)}});
  }
  return t;
}

Table actors_table(const Project& p, const Filters& f) {
  Table t;
  t.columns = {"id", "kind", "name", "organisation", "role"};
  t.keys = {"id", "kind", "name", "organisation", "role", "email", "phone", "college"};
  std::set<std::string_view> members;
  if (const Body* b = f.body.empty() ? nullptr : p.body(f.body)) {
    for (const Ref& m : b->members) members.insert(m.id);
  }
  for (const Actor& a : p.actors) {
    if (!f.body.empty() && !members.count(a.id)) continue;
    const std::string kind = a.is_organisation() ? "organisation" : "person";
    const std::string org = ref_id(a.organisation);
    t.cells.push_back({a.id, kind, one_line(a.name.value_or("")), org, one_line(a.role.value_or(""))});
    t.json.push_back(Json{{"id", a.id},
                          {"kind", kind},
                          {"name", a.name.value_or("")},
                          {"organisation", opt(org)},
                          {"role", opt(a.role.value_or(""))},
                          {"email", opt(a.email.value_or(""))},
                          {"phone", opt(a.phone.value_or(""))},
                          {"college", opt(a.college.value_or(""))}});
  }
  return t;
}

Table meetings_table(const Project& p, const Filters& f) {
  Table t;
  t.columns = {"id", "date", "body", "held", "decisions", "open_followups", "title"};
  t.keys = {"id", "date", "body", "title", "held", "decisions", "open_followups"};
  std::vector<const Meeting*> meetings;
  for (const Meeting& m : p.meetings) meetings.push_back(&m);
  std::stable_sort(meetings.begin(), meetings.end(), [](const Meeting* a, const Meeting* b) {
    return a->date.value_or(Date{}) < b->date.value_or(Date{});
  });
  for (const Meeting* m : meetings) {
    if (!f.body.empty() && ref_id(m->body) != f.body) continue;
    if (f.open && m->held()) continue;
    if (!in_range(f, m->date)) continue;
    int decisions = 0, open = 0;
    for (const AgendaItem& item : m->agenda) {
      decisions += static_cast<int>(item.decisions.size());
      for (const Followup& fu : item.followups) open += fu.done ? 0 : 1;
    }
    t.cells.push_back({m->id, iso(m->date), ref_id(m->body), m->held() ? "yes" : "no",
                       std::to_string(decisions), std::to_string(open), one_line(meeting_title(p, *m))});
    t.json.push_back(Json{{"id", m->id},
                          {"date", opt(iso(m->date))},
                          {"body", opt(ref_id(m->body))},
                          {"title", meeting_title(p, *m)},
                          {"held", m->held()},
                          {"decisions", decisions},
                          {"open_followups", open}});
  }
  return t;
}

Table followups_table(const Project& p, const Filters& f, Date today) {
  struct Row {
    const Meeting* meeting;
    const AgendaItem* item;
    const Followup* followup;
    bool open, overdue;
  };
  std::vector<Row> rows;
  for (const Meeting& m : p.meetings) {
    if (!f.body.empty() && ref_id(m.body) != f.body) continue;
    for (const AgendaItem& item : m.agenda) {
      for (const Followup& fu : item.followups) {
        const bool open = !fu.done;
        const bool overdue = open && fu.due && *fu.due < today;
        if (f.open && !open) continue;
        if (f.late && !overdue) continue;
        if (!f.lead.empty() && ref_id(fu.owner) != f.lead) continue;
        if (!in_range(f, fu.due)) continue;
        rows.push_back({&m, &item, &fu, open, overdue});
      }
    }
  }
  // Open ones first, by due date (none last); then the done ones, by due date.
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.open != b.open) return a.open;
    const bool ad = a.followup->due.has(), bd = b.followup->due.has();
    if (ad != bd) return ad;
    return ad && *a.followup->due < *b.followup->due;
  });
  Table t;
  t.columns = {"state", "due", "owner", "meeting", "task"};
  t.keys = {"meeting", "item", "task", "owner", "due", "done", "open", "overdue"};
  for (const Row& r : rows) {
    std::string state = r.overdue ? "OVERDUE" : r.open ? "open" : "done " + r.followup->done->iso();
    t.cells.push_back({state, iso(r.followup->due), ref_id(r.followup->owner), r.meeting->id,
                       one_line(r.followup->task.value_or(""))});
    t.json.push_back(Json{{"meeting", r.meeting->id},
                          {"item", r.item->title.value_or("")},
                          {"task", r.followup->task.value_or("")},
                          {"owner", opt(ref_id(r.followup->owner))},
                          {"due", opt(iso(r.followup->due))},
                          {"done", opt(iso(r.followup->done))},
                          {"open", r.open},
                          {"overdue", r.overdue}});
  }
  return t;
}

constexpr OutputFormat kFormats[] = {OutputFormat::text, OutputFormat::json, OutputFormat::csv, OutputFormat::xlsx};

}  // namespace

Runner list_command(CLI::App& app, const Globals& g) {
  struct Options {
    std::string kind;
    std::string format;
    std::string output;
    std::string csv;
    Filters f;
  };
  auto o = std::make_shared<Options>();
  app.add_option("kind", o->kind, "What to list")
      ->required()
      ->check(one_of({"actions", "actors", "meetings", "followups"}))
      ->type_name("actions|actors|meetings|followups");
  add_format_option(app, o->format, kFormats, OutputFormat::text);
  app.add_option("-o,--output", o->output, "Write to FILE (whole or not at all) instead of standard output")
      ->type_name("FILE");
  app.add_option("--csv", o->csv, "CSV dialect (default: fr for lang: fr, rfc4180 for lang: en)")
      ->check(one_of({"fr", "rfc4180"}))
      ->type_name("fr|rfc4180");
  app.add_option("--status", o->f.status, "actions: with this status (repeat or separate with commas)")
      ->delimiter(',')
      ->type_name("STATUS");
  app.add_option("--lead,--owner", o->f.lead, "actions: led by ACTOR; followups: owned by ACTOR")
      ->type_name("ACTOR");
  app.add_option("--axis", o->f.axis, "actions: of this axis")->type_name("AXIS");
  app.add_flag("--late", o->f.late, "actions: late; followups: overdue (as of --today)");
  app.add_option("--body", o->f.body, "actors: members of BODY; meetings, followups: of BODY's meetings")
      ->type_name("BODY");
  app.add_flag("--open", o->f.open,
               "actions: neither done nor abandoned; meetings: not held yet; followups: not done");
  app.add_option("--from", o->f.from, "actions, followups: due on or after DATE; meetings: on or after")
      ->type_name("YYYY-MM-DD");
  app.add_option("--to", o->f.to, "actions, followups: due on or before DATE; meetings: on or before")
      ->type_name("YYYY-MM-DD");
  return [o, &g, &app] {
    const OutputFormat format = output_format(app, o->format, o->output, kFormats, OutputFormat::text);
    Filters& f = o->f;
    const std::string& kind = o->kind;
    only_for(kind, "--status", !f.status.empty(), {"actions"});
    only_for(kind, "--lead", !f.lead.empty(), {"actions", "followups"});
    only_for(kind, "--axis", !f.axis.empty(), {"actions"});
    only_for(kind, "--late", f.late, {"actions", "followups"});
    only_for(kind, "--body", !f.body.empty(), {"actors", "meetings", "followups"});
    only_for(kind, "--open", f.open, {"actions", "meetings", "followups"});
    only_for(kind, "--from", !f.from.empty(), {"actions", "meetings", "followups"});
    only_for(kind, "--to", !f.to.empty(), {"actions", "meetings", "followups"});
    if (!o->csv.empty() && format != OutputFormat::csv) {
      throw Exit{kUsage, "cls list: --csv applies to CSV only (--format csv, or -o FILE.csv)"};
    }
    for (const std::string& s : f.status) {
      if (!parse_status(s)) {
        throw Exit{kUsage, "cls list: invalid --status '" + s +
                               "' (expected planned, in-progress, done, suspended or abandoned)"};
      }
    }
    auto date = [](const std::string& text, const char* option) -> std::optional<Date> {
      if (text.empty()) return std::nullopt;
      auto d = Date::parse(text);
      if (!d) throw Exit{kUsage, "cls list: invalid " + std::string(option) + " '" + text + "' (expected YYYY-MM-DD)"};
      return d;
    };
    f.from_date = date(f.from, "--from");
    f.to_date = date(f.to, "--to");
    if (f.from_date && f.to_date && *f.to_date < *f.from_date) {
      throw Exit{kUsage, "cls list: --from " + f.from + " is after --to " + f.to};
    }
    const Date today = g.today_date();

    const Project p = load_checked(g);
    std::vector<std::string_view> ids;
    for (const Actor& a : p.actors) ids.push_back(a.id);
    require_known("actor", f.lead, p.actor(f.lead) != nullptr, ids, "`cls list actors`");
    ids.clear();
    for (const Axis& a : p.manifest.axes) ids.push_back(a.id);
    require_known("axis", f.axis, p.axis(f.axis) != nullptr, ids, nullptr);
    ids.clear();
    for (const Body& b : p.manifest.bodies) ids.push_back(b.id);
    require_known("body", f.body, p.body(f.body) != nullptr, ids, nullptr);

    Table t;
    if (kind == "actions") t = actions_table(compute_rollup(p, today), f);
    else if (kind == "actors") t = actors_table(p, f);
    else if (kind == "meetings") t = meetings_table(p, f);
    else t = followups_table(p, f, today);

    if (format == OutputFormat::json) {
      Json arr = Json::array();
      for (auto& j : t.json) arr.push_back(std::move(j));
      write_output(o->output, json_text(arr));
    } else if (format == OutputFormat::csv) {
      const CsvDialect dialect = o->csv.empty() ? default_csv_dialect(p.lang())
                                 : o->csv == "fr" ? CsvDialect::french
                                                  : CsvDialect::rfc4180;
      write_output(o->output, render_csv(t, dialect));
    } else if (format == OutputFormat::xlsx) {
      try {
        if (o->output.empty() || o->output == "-") {
          render_xlsx(t, kind, p, today, stdout);
          if (std::fflush(stdout) != 0 || std::ferror(stdout)) throw Exit{kUsage, "cls: cannot write to standard output"};
        } else {
          write_output_streamed(o->output, [&](std::FILE* out) { render_xlsx(t, kind, p, today, out); });
        }
      } catch (const XlsxError& e) {
        throw Exit{kUsage, std::string("cls list: ") + e.what()};
      }
    } else {
      write_output(o->output, render_text(t));
    }
    return kOk;
  };
}

}  // namespace cls::cli
