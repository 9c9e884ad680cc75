// SPDX-License-Identifier: EUPL-1.2
// The compte rendu of a held meeting (SPEC §5.3): attendance and quorum
// (§4), each item's summary, decisions with their vote in words and
// follow-ups, the relevé de décisions, the table of follow-ups and the next
// meeting of the same body.
#pragma once
#include <string>
#include <vector>

#include "cls/attendance.h"
#include "cls/documents.h"
#include "cls/model.h"

namespace cls {

struct MinutesOptions {
  // For publication: no personal contact detail (email, phone, address), so
  // the annex listing the participants' contact details is left out.
  bool public_version = false;
};

// The quorum as a share of the members, after "fixé" / "set": "à la
// moitié", "au tiers", "aux deux tiers", "au quart", "aux trois quarts", "à
// 3/5", "à 60 %"; "at half", "at one third", "at 3/5", "at 60%".
std::string quorum_share(Lang lang, const Quorum& quorum);

// "Le quorum, fixé à la moitié des membres, soit 10 membres, est atteint :
// 16 membres sur 20 sont présents ou représentés." (or "n’est pas atteint"),
// the second-call sentence (§4), or the sentence of a body without quorum.
std::string quorum_sentence(const Project& project, const Meeting& meeting, const MeetingCount& count);

// The vote in words (§4), under the body's majority (§8.1): "adopté à
// l’unanimité", "adopté par 12 voix pour, 2 contre et 1 abstention", "rejeté
// …", "… la voix de la présidence étant prépondérante"; under `majority:
// present`, a vote with more for than against that is rejected says "…, la
// majorité des membres présents ou représentés (5 voix sur 9) n’étant pas
// atteinte"; "adopté" without a vote.
std::string decision_result(const Project& project, const Meeting& meeting, const MeetingCount& count,
                            const Decision& decision);
std::string decision_result(Lang lang, const Decision& decision, const VoteBasis& basis);

// The next meeting of the same body: the earliest dated after this one (file
// order on a tie); null when there is none.
const Meeting* next_meeting(const Project& project, const Meeting& meeting);

// Renders minutes.<md|html>.mustache. The meeting must be held (it has an
// attendance); throws std::invalid_argument otherwise, TemplateError on a
// template error.
std::string render_minutes(const Project& project, const Meeting& meeting, DocFormat format,
                           const MinutesOptions& options = {});

}  // namespace cls
