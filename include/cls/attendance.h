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
};

struct MeetingCount {
  std::vector<MemberPresence> members;  // in the body's order
  int total = 0;                        // voting members
  int present = 0, substituted = 0, by_proxy = 0, excused = 0, absent = 0;
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
MeetingCount count_meeting(const Project& project, const Meeting& meeting);

// The smallest number of members present or represented that reaches the
// quorum (§4: present-or-represented ≥ quorum × members), in integers:
// ceil(num × members / den). 1/2 of 30 is 15, 1/2 of 31 is 16, 1/3 of 30 is
// 10, 2/3 of 31 is 21.
int quorum_needed(const Quorum& quorum, int members);

// The outcome of a decision (§4): from the vote when it decides; a tie or no
// vote takes the written `outcome` (no vote and no outcome: adopted).
struct DecisionResult {
  std::optional<Outcome> outcome;  // empty for a tie with no written outcome
  bool tie = false;
  bool contradicts_vote = false;   // a written outcome that the vote contradicts
  bool unanimous = false;          // every voter present or represented voted for
};

DecisionResult decide(const Decision& decision, int present_or_represented);

// Who is convened to a meeting (SPEC §5.2, §6): the body's members in the
// body's order, then the meeting's guests in the file's order, each id once
// (a guest who is also a member is convened as a member). Substitutes are not
// convened: the titulaire passes the convocation on.
std::vector<std::string> convened(const Project& project, const Meeting& meeting);

}  // namespace cls
