// SPDX-License-Identifier: EUPL-1.2
// The French words of coordinators (french_words.h). A word is looked up
// folded (no case, no accents), so that `Échéance`, `echeance` and
// `ÉCHÉANCE` are the same word. A French word may stand for several keys in
// different mappings (`début` is the `start` of a period and of a meeting):
// only the candidates of the mapping at hand are suggested.
#include "cls/french_words.h"

#include <array>
#include <utility>

#include "cls/diagnostic.h"
#include "cls/utf8.h"

namespace cls::words {

namespace {

// French word (as written, with its accents) → the key or value it stands
// for. Keys first, then values; each English name appears in keys.cc.
constexpr std::pair<std::string_view, std::string_view> kWords[] = {
    // --- keys -----------------------------------------------------------------
    {"partenaires", "partners"}, {"partenaire", "partners"},
    {"porteur", "lead"}, {"porteuse", "lead"}, {"pilote", "lead"}, {"responsable", "lead"},
    {"responsable", "owner"}, {"échéance", "due"}, {"date-limite", "due"},
    {"objectif", "objective"}, {"objectifs", "objectives"},
    {"statut", "status"}, {"état", "status"}, {"avancement", "status"},
    {"indicateurs", "indicators"}, {"indicateur", "indicators"},
    {"cible", "target"}, {"valeur-cible", "target"}, {"objectif-chiffré", "target"},
    {"valeur", "value"}, {"valeurs", "values"}, {"mesures", "values"},
    {"valeur-initiale", "baseline"}, {"référence", "baseline"}, {"départ", "baseline"},
    {"cumul", "accumulate"}, {"cumulatif", "accumulate"},
    {"unité", "unit"}, {"libellé", "label"}, {"intitulé", "title"}, {"titre", "title"},
    {"nom", "name"}, {"identifiant", "id"}, {"début", "start"}, {"fin", "end"},
    {"date-de-début", "start"}, {"date-de-fin", "end"}, {"heure-de-début", "start"}, {"heure-de-fin", "end"},
    {"lieu", "place"}, {"salle", "place"}, {"instance", "body"}, {"instances", "bodies"},
    {"membres", "members"}, {"président", "chair"}, {"présidente", "chair"}, {"présidence", "chair"},
    {"poids", "weight"}, {"pondération", "weight"}, {"prévu", "planned"}, {"budget-prévu", "planned"},
    {"dépensé", "spent"}, {"dépenses", "spent"}, {"réalisé", "spent"},
    {"financeur", "funder"}, {"montant", "amount"}, {"financements", "funding"}, {"financement", "funding"},
    {"ordre-du-jour", "agenda"}, {"odj", "agenda"}, {"présents", "present"}, {"excusés", "excused"},
    {"pouvoirs", "proxies"}, {"procurations", "proxies"}, {"invités", "guests"},
    {"suppléant", "substitute"}, {"suppléante", "substitute"}, {"fonction", "role"}, {"civilité", "civility"},
    {"adresse", "address"}, {"ville", "city"}, {"courriel", "email"}, {"mail", "email"}, {"mél", "email"},
    {"téléphone", "phone"}, {"tél", "phone"}, {"territoire", "territory"}, {"période", "period"},
    {"axe", "axes"}, {"axes-stratégiques", "axes"}, {"langue", "lang"}, {"nature", "kind"},
    {"durée", "duration"}, {"décisions", "decisions"}, {"décision", "decisions"}, {"avis", "decisions"},
    {"suites", "followups"}, {"suites-à-donner", "followups"}, {"tâche", "task"}, {"texte", "text"},
    {"pour", "for"}, {"contre", "against"}, {"abstentions", "abstain"}, {"abstention", "abstain"},
    {"résultat", "outcome"}, {"issue", "outcome"}, {"signataire", "signatory"}, {"secrétaire", "secretary"},
    {"ouverture", "opened"}, {"clôture", "closed"}, {"urgence", "urgent"}, {"collège", "college"},
    {"collèges", "colleges"}, {"mandat", "mandate"}, {"public-cible", "public"}, {"publics", "public"},
    {"compte-rendu", "summary"}, {"relevé", "summary"}, {"pièces-jointes", "attachments"},
    {"fichier", "file"}, {"majorité", "majority"}, {"délai", "notice_days"}, {"délai-de-convocation", "notice_days"},
    {"composition", "size"}, {"effectif", "size"}, {"organisme", "organisation"}, {"structure", "organisation"},
    {"visio", "online"}, {"visioconférence", "online"}, {"lien", "online"}, {"présentateur", "presenter"},
    {"intervenant", "presenter"}, {"rapporteur", "presenter"}, {"fiches-actions", "actions"},
    {"seconde-convocation", "second_call"}, {"deuxième-convocation", "second_call"},
    {"à-distance", "remote"}, {"représentants", "representatives"}, {"membre", "member"}, {"numéro", "number"}, {"vote", "vote"},
    {"récusés", "recused"}, {"désaccords", "dissent"}, {"approbation", "minutes_approved"},
    // --- values ---------------------------------------------------------------
    {"en-cours", "in-progress"}, {"encours", "in-progress"}, {"commencé", "in-progress"}, {"démarré", "in-progress"},
    {"terminé", "done"}, {"terminée", "done"}, {"réalisé", "done"}, {"réalisée", "done"}, {"fait", "done"},
    {"faite", "done"}, {"fini", "done"}, {"achevé", "done"}, {"achevée", "done"},
    {"abandonné", "abandoned"}, {"abandonnée", "abandoned"}, {"annulé", "abandoned"}, {"annulée", "abandoned"},
    {"prévu", "planned"}, {"prévue", "planned"}, {"planifié", "planned"}, {"planifiée", "planned"},
    {"à-venir", "planned"}, {"programmé", "planned"}, {"programmée", "planned"},
    {"suspendu", "suspended"}, {"suspendue", "suspended"}, {"en-pause", "suspended"}, {"en-attente", "suspended"},
    {"réalisation", "process"}, {"processus", "process"}, {"résultat", "result"},
    {"pour-information", "information"}, {"échange", "discussion"}, {"pour-échange", "discussion"},
    {"débat", "discussion"}, {"pour-décision", "decision"}, {"vote", "decision"},
    {"adopté", "adopted"}, {"adoptée", "adopted"}, {"favorable", "adopted"}, {"approuvé", "adopted"},
    {"rejeté", "rejected"}, {"rejetée", "rejected"}, {"défavorable", "rejected"}, {"refusé", "rejected"},
    {"exprimés", "cast"}, {"suffrages-exprimés", "cast"}, {"présents", "present"},
    {"personne", "person"}, {"personne-physique", "person"}, {"personne-morale", "organisation"},
    {"madame", "Mme"}, {"mme.", "Mme"}, {"mlle", "Mme"}, {"monsieur", "M."}, {"m", "M."}, {"mr", "M."},
    {"français", "fr"}, {"anglais", "en"}, {"docteur", "Dr"}, {"professeur", "Pr"}, {"maître", "Me"},
    {"contrat-local-de-santé", "cls"}, {"conseil-territorial-de-santé", "cts"},
    {"fuseau-horaire", "timezone"}, {"fuseau", "timezone"},
    {"paris", "Europe/Paris"}, {"france", "Europe/Paris"}, {"métropole", "Europe/Paris"},
    {"guadeloupe", "America/Guadeloupe"}, {"martinique", "America/Martinique"}, {"guyane", "America/Cayenne"},
    {"cayenne", "America/Cayenne"}, {"saint-pierre-et-miquelon", "America/Miquelon"},
    {"saint-barthélemy", "America/St_Barthelemy"}, {"saint-martin", "America/Marigot"},
    {"la-réunion", "Indian/Reunion"}, {"réunion", "Indian/Reunion"}, {"indian/réunion", "Indian/Reunion"},
    {"mayotte", "Indian/Mayotte"}, {"nouvelle-calédonie", "Pacific/Noumea"}, {"nouméa", "Pacific/Noumea"},
    {"tahiti", "Pacific/Tahiti"}, {"polynésie-française", "Pacific/Tahiti"}, {"marquises", "Pacific/Marquesas"},
    {"gambier", "Pacific/Gambier"}, {"wallis-et-futuna", "Pacific/Wallis"},
};

// The French name of each value of a choice of keys.cc.
constexpr std::pair<std::string_view, std::string_view> kLabels[] = {
    {"cls", "contrat local de santé"}, {"cts", "conseil territorial de santé"},
    {"fr", "français"}, {"en", "anglais"},
    {"person", "personne"}, {"organisation", "organisation (personne morale)"},
    {"Mme", "Madame"}, {"M.", "Monsieur"},
    {"planned", "prévue"}, {"in-progress", "en cours"}, {"done", "réalisée"},
    {"suspended", "suspendue"}, {"abandoned", "abandonnée"},
    {"process", "indicateur de réalisation"}, {"result", "indicateur de résultat"},
    {"information", "pour information"}, {"discussion", "pour échange"}, {"decision", "pour décision"},
    {"adopted", "adoptée"}, {"rejected", "rejetée"},
    {"cast", "majorité des suffrages exprimés (pour > contre)"},
    {"present", "majorité des membres présents ou représentés"},
    {"Dr", "Docteur"}, {"Pr", "Professeur"}, {"Me", "Maître"},
    {"Europe/Paris", "métropole (heure de Paris)"}, {"America/Guadeloupe", "Guadeloupe"},
    {"America/Martinique", "Martinique"}, {"America/Cayenne", "Guyane"},
    {"America/Miquelon", "Saint-Pierre-et-Miquelon"}, {"America/St_Barthelemy", "Saint-Barthélemy"},
    {"America/Marigot", "Saint-Martin"}, {"Indian/Reunion", "La Réunion"}, {"Indian/Mayotte", "Mayotte"},
    {"Pacific/Noumea", "Nouvelle-Calédonie"}, {"Pacific/Tahiti", "Polynésie française (Tahiti, îles de la Société)"},
    {"Pacific/Marquesas", "Polynésie française (Marquises)"}, {"Pacific/Gambier", "Polynésie française (Gambier)"},
    {"Pacific/Wallis", "Wallis-et-Futuna"},
    {"requested", "demandé"}, {"granted", "accordé"}, {"paid", "versé"},
    {"le", "article : le"}, {"la", "article : la"}, {"l'", "article : l’ (élision)"}, {"les", "article : les"},
};

// Latin letters with a diacritic, as French writes them, and their base.
char32_t base_letter(char32_t c) {
  switch (c) {
    case U'à': case U'â': case U'ä': case U'À': case U'Â': case U'Ä': return U'a';
    case U'é': case U'è': case U'ê': case U'ë': case U'É': case U'È': case U'Ê': case U'Ë': return U'e';
    case U'î': case U'ï': case U'Î': case U'Ï': return U'i';
    case U'ô': case U'ö': case U'Ô': case U'Ö': return U'o';
    case U'ù': case U'û': case U'ü': case U'Ù': case U'Û': case U'Ü': return U'u';
    case U'ç': case U'Ç': return U'c';
    case U'ÿ': case U'Ÿ': return U'y';
    default: return c;
  }
}

}  // namespace

std::string fold(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size();) {
    const Utf8Char u = decode_utf8(word, i);
    i += u.size;
    char32_t c = base_letter(u.code_point);
    if (c >= 0x300 && c <= 0x36F) continue;  // a combining accent (macOS writes é as e + U+0301)
    if (c == U'œ' || c == U'Œ') {
      out += "oe";
      continue;
    }
    if (c == U'’') c = U'\'';
    if (c == U'_' || c == U' ') c = U'-';
    if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
    out += encode_utf8(c);
  }
  return out;
}

std::string suggest(std::string_view word, const std::vector<std::string_view>& candidates) {
  if (word.size() > 64) return {};
  auto is_candidate = [&](std::string_view name) {
    for (std::string_view c : candidates) {
      if (c == name) return true;
    }
    return false;
  };
  const std::string folded = fold(word);
  // The French word itself.
  for (const auto& [french, english] : kWords) {
    if (fold(french) == folded && is_candidate(english)) return std::string(english);
  }
  // An English name misspelt, or written in another case (`Planned`).
  for (std::string_view c : candidates) {
    if (fold(c) == folded) return std::string(c);
  }
  if (std::string near = nearest(word, candidates); !near.empty()) return near;
  // A French word misspelt (`partenaire`, `echeanse`).
  std::vector<std::string> french;
  std::vector<std::string_view> english;
  for (const auto& [fr, en] : kWords) {
    if (is_candidate(en)) {
      french.push_back(fold(fr));
      english.push_back(en);
    }
  }
  const std::vector<std::string_view> views(french.begin(), french.end());
  if (const std::string near = nearest(folded, views); !near.empty()) {
    for (std::size_t i = 0; i < french.size(); ++i) {
      if (french[i] == near) return std::string(english[i]);
    }
  }
  return {};
}

std::string_view french_label(std::string_view value) {
  for (const auto& [en, fr] : kLabels) {
    if (en == value) return fr;
  }
  return {};
}

std::vector<FrenchWord> french_words() {
  std::vector<FrenchWord> out;
  for (const auto& [fr, en] : kWords) out.push_back({fr, en});
  return out;
}

}  // namespace cls::words
