// SPDX-License-Identifier: EUPL-1.2
// Meetings in numbers (SPEC §4): who is present or represented, the quorum,
// and the outcome of a decision. Shared by `check`, `minutes` and `report`.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "cls/model.h"

namespace cls {

// How one voting member of the body stands at a held meeting. The cases are
// exclusive and taken in this order: present, then represented by their
// substitute, then by a proxy holder who is present, then excused, then absent
// with no word.
enum class Presence { present, substituted, proxy, excused, absent };

struct MemberPresence {
  std::string id;               // the member (titulaire)
  Presence presence = Presence::absent;
  std::string by;               // the substitute sitting, or the proxy holder
  bool excused = false;         // listed as excused (even when represented)
  bool remote = false;          // present by videoconference (attendance.remote)
};

struct MeetingCount {
  std::vector<MemberPresence> members;  // in the body's order
  int total = 0;                        // voting members
  int present = 0, substituted = 0, by_proxy = 0, excused = 0, absent = 0;
  int remote = 0;  // of the present, those by videoconference (counted present: R133-10 CRPA)
  std::vector<std::string> substitutes_sitting;  // substitutes present for a titulaire
  std::vector<std::string> guests_present;       // present and not voting
  // Quorum: members present or represented needed; empty when the body sets
  // no quorum or the meeting is a second call (which needs none).
  std::optional<int> quorum_needed;
  std::optional<Quorum> quorum;  // the body's, when quorum_needed is set
  bool second_call = false;

  int present_or_represented() const { return present + substituted + by_proxy; }
  bool quorum_reached() const { return !quorum_needed || present_or_represented() >= *quorum_needed; }
};

// Counts a meeting's attendance against its body (no body: no members).
// A substitute represents their titulaire only where substitutes sit
// (sitting_substitute()); a member present by videoconference is present.
MeetingCount count_meeting(const Project& project, const Meeting& meeting);

// The collège of `member` in `body`: the one whose id is the member's
// `college`; null when the body declares no collèges or none matches (a
// first-edition `college` is free text).
const College* college_of(const Body& body, const Actor& member);
// The substitute who sits for `member` in `body`: their `substitute`, unless
// the body (a bureau) or the member's collège (personnalités qualifiées)
// has `substitutes: false`; null then, or when they have none.
const Ref* sitting_substitute(const Body& body, const Actor& member);

// Who presides a meeting (SPEC §8.1): its `chair`, else its body's chair;
// null when neither is known.
const Actor* presiding(const Project& project, const Meeting& meeting);
// Whether that person sat at the held meeting (is listed present).
bool chair_sat(const Project& project, const Meeting& meeting);

// The smallest number of members present or represented that reaches the
// quorum (§4: present-or-represented ≥ quorum × members), in integers:
// ceil(num × members / den). 1/2 of 30 is 15, 1/2 of 31 is 16, 1/3 of 30 is
// 10, 2/3 of 31 is 21.
int quorum_needed(const Quorum& quorum, int members);

// What a vote is counted against (SPEC §4, §8.2).
struct VoteBasis {
  Majority majority = Majority::cast;
  // Members present or represented, less those recused who sat (R133-12
  // CRPA: they take no part).
  int voters = 0;
  // The séance's chair sat and is not recused, so that a tie can be decided
  // by their casting vote (R133-11 CRPA).
  bool chair_decides = true;
};
VoteBasis vote_basis(const Project& project, const Meeting& meeting, const MeetingCount& count,
                     const Decision& decision);

// The outcome of a decision (§4, §8.1): from the vote when it decides; a tie
// or no vote takes the written `outcome` (no vote and no outcome: adopted).
//   cast: adopted when for > against, rejected when against > for, a tie
//         when they are equal;
//   present: adopted when for > half the voters; a tie (partage égal des
//         voix) when every voter voted for or against, as many each way;
//         rejected otherwise, abstentions and silence counting as not for.
struct DecisionResult {
  std::optional<Outcome> outcome;  // empty for a tie with no written outcome
  bool tie = false;
  bool casting_vote = false;       // a tie decided by the written outcome
  bool contradicts_vote = false;   // a written outcome that the vote contradicts
  bool unanimous = false;          // every voter voted for
};

DecisionResult decide(const Decision& decision, const VoteBasis& basis);
// With the basis of the meeting's body and attendance (vote_basis()).
DecisionResult decide(const Project& project, const Meeting& meeting, const MeetingCount& count,
                      const Decision& decision);

// Attendance over several held meetings (the CTS's bilan annuel, SPEC §8.4):
// for each member, how many séances they were a member at, and how they
// stood at each (MeetingCount's cases). Shares are of `meetings`.
struct AttendanceTally {
  int meetings = 0, present = 0, substituted = 0, by_proxy = 0, excused = 0, absent = 0;
  int represented() const { return present + substituted + by_proxy; }
  // Present or represented (by substitute or proxy) over meetings; nullopt
  // when there is none.
  std::optional<double> rate() const;
  // Present in person over meetings.
  std::optional<double> presence_rate() const;
  void add(Presence presence);
  void add(const AttendanceTally& other);
};

struct MemberTally {
  std::string id;  // the titulaire
  AttendanceTally tally;
};

// Over `meetings` (held meetings of `body`; others are skipped), each member
// of the body in the body's order, counted as count_meeting() counts them.
std::vector<MemberTally> tally_attendance(const Project& project, const Body& body,
                                          const std::vector<const Meeting*>& meetings);

// The members' tallies summed by collège, in the body's order of collèges;
// members outside them under a null collège, last. One group (null) when the
// body has no collèges.
struct CollegeTally {
  const College* college = nullptr;
  std::vector<MemberTally> members;
  AttendanceTally total;
};
std::vector<CollegeTally> tally_by_college(const Project& project, const Body& body,
                                           const std::vector<MemberTally>& members);

// Who is convened to a meeting (SPEC §5.2, §6): the body's members in the
// body's order, then the meeting's guests in the file's order, each id once
// (a guest who is also a member is convened as a member). Substitutes are not
// convened: the titulaire passes the convocation on.
std::vector<std::string> convened(const Project& project, const Meeting& meeting);

}  // namespace cls
