// SPDX-License-Identifier: EUPL-1.2
// The project model (SPEC §1): what the loader builds from the YAML files and
// every later stage (check, compute, render) reads. Each value keeps where it
// was written, so that a rule can point at it.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cls/calendar.h"
#include "cls/diagnostic.h"

namespace cls {

// A value read from a file, with its position; empty when the key is absent
// (then `loc` is the position of the mapping that lacks it).
//
// Not a std::optional<T> beside a Loc: whether there is a value is the spare
// bit of the Loc (diagnostic.h), so that a Field of a number takes 16 bytes
// instead of 32 and one of a text 40 instead of 56; the model holds some
// fifty Fields per fiche action (bench/README.md, "Memory").
template <class T>
struct Field {
  Loc loc;

  Field() = default;
  Field(T v, Loc at) : loc(at), value_(std::move(v)) { loc.owner_bit_ = 1; }
  Field(const Field& other) : loc(other.loc), value_(other.value_) { loc.owner_bit_ = other.loc.owner_bit_; }
  Field(Field&& other) noexcept : loc(other.loc), value_(std::move(other.value_)) {
    loc.owner_bit_ = other.loc.owner_bit_;
  }
  Field& operator=(const Field& other) {
    loc = other.loc;
    loc.owner_bit_ = other.loc.owner_bit_;
    value_ = other.value_;
    return *this;
  }
  Field& operator=(Field&& other) noexcept {
    loc = other.loc;
    loc.owner_bit_ = other.loc.owner_bit_;
    value_ = std::move(other.value_);
    return *this;
  }

  bool has() const { return loc.owner_bit_ != 0; }
  explicit operator bool() const { return has(); }
  const T& operator*() const { return value_; }
  const T* operator->() const { return &value_; }
  T value_or(T fallback) const { return has() ? value_ : fallback; }
  std::optional<T> get() const { return has() ? std::optional<T>(value_) : std::nullopt; }

  void set(T v) {
    value_ = std::move(v);
    loc.owner_bit_ = 1;
  }
  void set_or_reset(std::optional<T> v) {
    if (v) {
      set(std::move(*v));
    } else {
      reset();
    }
  }
  void reset() {
    value_ = T();
    loc.owner_bit_ = 0;
  }

 private:
  T value_{};
};

// A reference to another entity by id (actor, objective, body, action…).
struct Ref {
  std::string id;
  Loc loc;
};

enum class ProjectKind { cls, cts };
enum class Lang { fr, en };
enum class ActorKind { person, organisation };
enum class Civility { none, mme, m };
enum class Status { planned, in_progress, done, suspended, abandoned };
enum class IndicatorType { process, result };
enum class ItemKind { information, discussion, decision };
enum class Outcome { adopted, rejected };
// How a body decides (SPEC §8.1): `cast`, for > against; `present`, for > half
// of the members present or represented (R133-11 CRPA).
enum class Majority { cast, present };
enum class Honorific { none, dr, pr, me };
// The article an organisation's name takes after "par", "à", "de".
enum class Article { none, le, la, elided, les };
// Where a funding line stands (SPEC §11.1): totals count granted and paid.
enum class FundingStatus { requested, granted, paid };

std::string_view to_string(Status s);  // "in-progress"…
std::string_view to_string(ItemKind k);
std::string_view to_string(Outcome o);
std::optional<Status> parse_status(std::string_view s);

struct Period {
  Field<Date> start, end;
};

// Who handles the file ("Affaire suivie par" on the letters).
struct Contact {
  Field<std::string> name, email, phone;
};

struct Organisation {
  Field<std::string> name, address, city, email, phone;
  std::optional<Contact> contact;
};

struct Objective {
  std::string id;
  Loc loc;  // of the id value
  Field<std::string> title;
  Field<double> weight;  // default 1
  std::size_t axis = 0;  // index in Manifest::axes
};

struct Axis {
  std::string id;
  Loc loc;
  Field<std::string> title;
  std::vector<Objective> objectives;
};

// A quorum as an exact fraction of the members, `num`/`den` in lowest terms
// with 0 < num <= den: "1/2", "0.5" and "50%" are all 1/2. Exact, so that the
// members needed are computed in integers: in binary floating point 7 % of
// 100 is 7.000000000000001, which would round up to 8.
struct Quorum {
  std::int64_t num = 1, den = 1;
  std::string text;  // as written, for messages
};

// "1/2", "2/3", "0.5", "50%", "50 %", "33.5%" (decimals with a point, at most
// 9 of them); nullopt for anything else or a value outside (0, 1].
std::optional<Quorum> parse_quorum(std::string_view text);

// Least and most members, of a body or of one of its collèges.
struct Bounds {
  Field<int> min, max;
  Loc loc;
};

struct College {
  std::string id;
  Loc loc;
  Field<std::string> title;
  Bounds size;  // min and max, at the collège's own mapping
  Field<bool> substitutes;  // default true
  bool has_substitutes() const { return substitutes.value_or(true); }
};

struct Body {
  std::string id;
  Loc loc;
  Field<std::string> title;
  std::vector<Ref> members;  // voting members (titulaires)
  Loc members_loc;
  std::optional<Ref> chair;
  Field<Quorum> quorum;
  Field<int> notice_days;
  Field<int> proxies;  // max pouvoirs one person may hold; default 1
  Field<Majority> majority;  // default cast
  Field<bool> substitutes;   // default true
  std::optional<Bounds> size;
  std::vector<College> colleges;
  int max_proxies() const { return proxies.value_or(1); }
  Majority majority_rule() const { return majority.value_or(Majority::cast); }
  bool has_substitutes() const { return substitutes.value_or(true); }
  const College* college(std::string_view id) const {
    for (const College& c : colleges) {
      if (c.id == id) return &c;
    }
    return nullptr;
  }
};

// A theme (SPEC §11): of a region's shared nomenclature, or a project's own.
struct Theme {
  std::string id;
  Loc loc;
  Field<std::string> title;
};

struct Manifest {
  Field<std::string> id, title;
  Field<ProjectKind> kind;
  Field<Lang> lang;
  Field<std::string> timezone;  // an IANA name of keys.cc's list; none: Europe/Paris
  std::optional<Organisation> organisation;
  Field<std::string> territory;
  std::optional<Period> period;
  std::vector<Axis> axes;
  std::vector<Body> bodies;
  Field<int> stale_months;  // indicator/stale (SPEC §11.1); default 12
  Field<int> population;    // inhabitants covered (SPEC §11)
  std::vector<Ref> communes;  // INSEE codes, checked by the loader
  std::vector<Theme> themes;  // when the project is used alone
};

struct Actor {
  std::string id;
  Loc loc;
  Field<ActorKind> kind;
  Field<std::string> name;
  Field<Civility> civility;
  Field<std::string> role;
  std::optional<Ref> organisation;
  Field<std::string> email, phone, address, college;
  std::optional<Ref> substitute;
  std::optional<Period> mandate;
  Field<Honorific> honorific;
  Field<std::string> salutation;  // replaces the one from the civility
  Field<Article> article;
  bool is_organisation() const { return kind.value_or(ActorKind::person) == ActorKind::organisation; }
};

// No Loc of its own: a reading's date and value, both required, are where
// its rules point (8 bytes less on each of ~450,000 readings at 50,000 actions).
struct Reading {
  Field<Date> date;
  Field<double> value;

  // Few readings have a note and a fiche holds a dozen readings: kept out of
  // line, 8 bytes instead of 40 when absent (bench/README.md, "Memory").
  const Field<std::string>& note() const;
  void set_note(Field<std::string> note);

  Reading() = default;
  Reading(const Reading& other) : date(other.date), value(other.value) { set_note(other.note()); }
  Reading(Reading&&) = default;
  Reading& operator=(const Reading& other) {
    if (this != &other) *this = Reading(other);
    return *this;
  }
  Reading& operator=(Reading&&) = default;

 private:
  std::unique_ptr<const Field<std::string>> note_;
};

struct Indicator {
  std::string id;
  Loc loc;
  Field<std::string> label;
  Field<IndicatorType> type;
  Field<std::string> unit;
  Field<double> baseline;  // default 0
  Field<double> target;
  Field<bool> accumulate;
  Field<double> weight;  // default 1
  std::vector<Reading> values;
};

struct Funding {
  Ref funder;
  Field<Money> amount;
  Field<int> year;
  Field<FundingStatus> status;  // default granted
  Loc loc;
  // Whether the line counts in the totals: granted or paid (SPEC §11.1).
  bool counts() const { return status.value_or(FundingStatus::granted) != FundingStatus::requested; }
};

// A dated spending (`budget.spent` written as a list, SPEC §11.1).
struct Spending {
  Field<Date> date;
  Field<Money> amount;
  Field<std::string> note;
  Loc loc;
};

struct Budget {
  // `spent` is the total: the amount written, or the sum of `spendings`.
  Field<Money> planned, spent;
  std::vector<Spending> spendings;
  std::vector<Funding> funding;
};

// An entry of an action's `history` (SPEC §11.1).
struct HistoryEntry {
  Field<Date> date;
  Field<Status> status;
  Field<std::string> note;
  Loc loc;
};

struct Action {
  std::string id;
  Loc loc;
  Field<std::string> title;
  std::optional<Ref> objective;
  Field<Status> status;  // default planned
  std::optional<Ref> lead;
  std::vector<Ref> partners;
  Field<Date> start, due;
  Field<double> weight;
  Field<std::string> public_target;  // key `public`
  std::optional<Budget> budget;
  Field<std::string> description;
  std::vector<Indicator> indicators;
  std::vector<HistoryEntry> history;  // file order
  std::vector<Ref> themes;
  Status current_status() const { return status.value_or(Status::planned); }
  // The status in force on `d` (SPEC §11.1): with no history, `status`;
  // else that of the latest entry dated on or before `d` (on a same date the
  // later in the file), `planned` before the first; after the last entry,
  // `status` (which the last entry should equal: action/history).
  Status status_as_of(Date d) const;
};

struct Vote {
  int for_ = 0, against = 0, abstain = 0;
  Loc loc;
};

// An opinion a member asked to have recorded (R133-13 CRPA).
struct Dissent {
  Ref member;
  Field<std::string> text;
  Loc loc;
};

struct Decision {
  Field<std::string> text;
  std::optional<Vote> vote;
  Field<Outcome> outcome;
  Field<std::string> number;   // "2026-03": "Avis n° 2026-03"
  std::vector<Ref> recused;    // took no part: a personal interest (R133-12 CRPA)
  std::vector<Dissent> dissent;
  Loc loc;
};

// A pièce jointe of an agenda item; `file` is relative to the project root.
struct Attachment {
  Field<std::string> title, file;
  Loc loc;
};

struct Followup {
  Field<std::string> task;
  std::optional<Ref> owner;
  Field<Date> due, done;
  Loc loc;
};

struct AgendaItem {
  Field<std::string> title;
  Field<ItemKind> kind;
  std::optional<Ref> presenter;
  Field<int> duration;  // minutes
  std::vector<Ref> actions;
  Field<std::string> notes, summary;
  std::vector<Attachment> attachments;
  std::vector<Decision> decisions;
  std::vector<Followup> followups;
  Loc loc;
};

struct Proxy {
  Ref giver;   // the absent member
  Ref holder;  // who holds the pouvoir
};

// The person who sat for a member organisation.
struct Representative {
  Ref organisation;
  Ref person;
};

struct Attendance {
  std::vector<Ref> present, excused;
  std::vector<Proxy> proxies;
  std::vector<Ref> remote;  // present by videoconference, also listed in `present`
  std::vector<Representative> representatives;
  Loc loc;
};

struct Convocation {
  Field<Date> date;
  std::optional<Ref> signatory;
  Loc loc;
};

struct Meeting {
  std::string id;
  Loc loc;
  std::optional<Ref> body;
  Field<std::string> title;
  Field<Date> date;
  Field<TimeOfDay> start, end;
  Field<std::string> place, online;
  std::vector<Ref> guests;
  // `second_call: true` or `second_call: ID`: no quorum needed (§4, §8.1);
  // `first_call` is the ID, the held meeting whose quorum failed.
  Field<bool> second_call;
  std::optional<Ref> first_call;
  Field<bool> urgent;
  std::optional<Ref> chair, secretary;  // who presided; the secrétaire de séance
  Field<TimeOfDay> opened, closed;
  std::optional<Ref> minutes_approved;  // the later meeting that approved the minutes
  std::optional<Convocation> convocation;
  std::vector<AgendaItem> agenda;
  std::optional<Attendance> attendance;  // present once the meeting is held (§4)
  bool held() const { return attendance.has_value(); }
};

// A loaded project. Entities keep file order (sorted paths, then position in
// the file); lookups by id are O(1) and return the first of duplicates.
struct Project {
  Project() = default;
  Project(Project&&) = default;
  Project& operator=(Project&&) = default;
  Project(const Project&) = delete;  // the indexes point into the vectors
  Project& operator=(const Project&) = delete;

  std::filesystem::path root;
  std::vector<std::string> files;  // paths relative to root, indexed by Loc::file
  Manifest manifest;
  std::vector<Actor> actors;
  std::vector<Action> actions;
  std::vector<Meeting> meetings;

  const Actor* actor(std::string_view id) const;
  const Action* action(std::string_view id) const;
  const Meeting* meeting(std::string_view id) const;
  const Body* body(std::string_view id) const;
  const Axis* axis(std::string_view id) const;
  const Objective* objective(std::string_view id) const;

  Lang lang() const { return manifest.lang.value_or(Lang::fr); }
  ProjectKind kind() const { return manifest.kind.value_or(ProjectKind::cls); }

  // Builds the id indexes; the loader calls it once everything is read.
  void index();

 private:
  using Index = std::unordered_map<std::string_view, std::size_t>;
  Index actor_ix_, action_ix_, meeting_ix_, body_ix_, axis_ix_;
  std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>> objective_ix_;
};

}  // namespace cls
