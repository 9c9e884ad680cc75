// SPDX-License-Identifier: EUPL-1.2
// The key tables of the format (keys.h). Each table lists the keys in the
// order the SPEC and cls-format(5) present them; descriptions are short, in
// the words of a coordinator, French first (editors show it while typing).
#include "cls/keys.h"

namespace cls::keys {

const KeyDef* MapDef::find(std::string_view key) const {
  for (const KeyDef& k : keys) {
    if (k.name == key) return &k;
  }
  return nullptr;
}

namespace {

using T = Type;

// --- values of the choices --------------------------------------------------

constexpr std::string_view kKinds[] = {"cls", "cts"};
constexpr std::string_view kLangs[] = {"fr", "en"};
// The zones of France and its overseas territories, each with its VTIMEZONE
// in timezone.cc (timezone_test.cc checks both lists are the same).
constexpr std::string_view kTimezones[] = {
    "Europe/Paris", "America/Guadeloupe", "America/Martinique", "America/Cayenne", "America/Miquelon",
    "America/St_Barthelemy", "America/Marigot", "Indian/Reunion", "Indian/Mayotte", "Pacific/Noumea",
    "Pacific/Tahiti", "Pacific/Marquesas", "Pacific/Gambier", "Pacific/Wallis"};
constexpr std::string_view kActorKinds[] = {"person", "organisation"};
constexpr std::string_view kCivilities[] = {"Mme", "M."};
constexpr std::string_view kStatuses[] = {"planned", "in-progress", "done", "suspended", "abandoned"};
constexpr std::string_view kIndicatorTypes[] = {"process", "result"};
constexpr std::string_view kItemKinds[] = {"information", "discussion", "decision"};
constexpr std::string_view kOutcomes[] = {"adopted", "rejected"};
constexpr std::string_view kMajorities[] = {"cast", "present"};
constexpr std::string_view kHonorifics[] = {"Dr", "Pr", "Me"};
constexpr std::string_view kArticles[] = {"le", "la", "l'", "les"};
constexpr std::string_view kFundingStatuses[] = {"requested", "granted", "paid"};

// --- cls.yaml ---------------------------------------------------------------

constexpr KeyDef kPeriod[] = {
    {.name = "start", .type = T::date, .fr = "Date de début", .en = "First day"},
    {.name = "end", .type = T::date, .fr = "Date de fin", .en = "Last day"},
};

constexpr KeyDef kOrganisation[] = {
    {.name = "name", .type = T::text, .required = true,
     .fr = "Nom de la structure qui émet les documents (en-tête des courriers)",
     .en = "Name of the body that issues the documents (letterhead)"},
    {.name = "address", .type = T::text,
     .fr = "Adresse postale, parties séparées par des virgules",
     .en = "Postal address, its parts separated by commas"},
    {.name = "city", .type = T::text, .fr = "Ville des courriers : « Toul, le 20 novembre 2026 »",
     .en = "City the letters are dated from"},
    {.name = "email", .type = T::email, .fr = "Adresse électronique (nom@exemple.fr)", .en = "E-mail address (name@example.org)"},
    {.name = "phone", .type = T::text, .fr = "Téléphone", .en = "Telephone"},
    {.name = "contact", .type = T::map,
     .fr = "Personne qui suit le dossier : « Affaire suivie par » sur les convocations",
     .en = "Who handles the file: \"Affaire suivie par\" on the letters", .map = &contact},
};

constexpr KeyDef kContact[] = {
    {.name = "name", .type = T::text, .required = true, .fr = "Prénom et nom", .en = "First and last name"},
    {.name = "email", .type = T::email, .fr = "Adresse électronique (nom@exemple.fr)", .en = "E-mail address (name@example.org)"},
    {.name = "phone", .type = T::text, .fr = "Téléphone", .en = "Telephone"},
};

constexpr KeyDef kObjective[] = {
    {.name = "id", .type = T::id, .required = true, .fr = "Identifiant de l’objectif", .en = "Objective id"},
    {.name = "title", .type = T::text, .required = true, .fr = "Intitulé de l’objectif", .en = "Objective title"},
    {.name = "weight", .type = T::weight,
     .fr = "Poids de l’objectif dans l’avancement de son axe", .en = "Weight of the objective in its axis's progress",
     .default_value = "1"},
};

constexpr KeyDef kAxis[] = {
    {.name = "id", .type = T::id, .required = true, .fr = "Identifiant de l’axe", .en = "Axis id"},
    {.name = "title", .type = T::text, .required = true, .fr = "Intitulé de l’axe stratégique",
     .en = "Title of the strategic axis"},
    {.name = "objectives", .type = T::list, .fr = "Objectifs de l’axe", .en = "The axis's objectives",
     .map = &objective},
};

constexpr KeyDef kBody[] = {
    {.name = "id", .type = T::id, .required = true, .fr = "Identifiant de l’instance", .en = "Body id"},
    {.name = "title", .type = T::text, .required = true,
     .fr = "Nom de l’instance : « Comité de pilotage », « Assemblée plénière »",
     .en = "Name of the body"},
    {.name = "members", .type = T::refs,
     .fr = "Membres votants (titulaires) : identifiants d’acteurs", .en = "Voting members (titulaires): actor ids"},
    {.name = "chair", .type = T::ref, .fr = "Président(e) : signe les convocations par défaut",
     .en = "Chair: signs the convocations by default"},
    {.name = "quorum", .type = T::quorum,
     .fr = "Quorum : part des membres présents ou représentés requise (« 1/2 », « 0.5 », « 50% »)",
     .en = "Quorum: share of the members present or represented needed"},
    {.name = "notice_days", .type = T::integer,
     .fr = "Délai minimal, en jours, entre la convocation et la réunion",
     .en = "Minimum days between the convocation and the meeting"},
    {.name = "proxies", .type = T::integer,
     .fr = "Nombre maximal de pouvoirs détenus par une même personne (0 : aucun)",
     .en = "Most proxies one person may hold (0: none)", .default_value = "1"},
    {.name = "majority", .type = T::choice,
     .fr = "Majorité : cast, adopté quand les voix pour l’emportent sur les voix contre (abstentions non comptées) ; "
           "present, adopté quand les voix pour dépassent la moitié des membres présents ou représentés (R133-11 CRPA)",
     .en = "Majority: cast, adopted when for > against (abstentions do not count); present, adopted when for > half "
           "of the members present or represented",
     .values = kMajorities, .default_value = "cast"},
    {.name = "substitutes", .type = T::boolean,
     .fr = "false : les suppléants ne siègent pas dans cette instance (un bureau) et les courriers n’en parlent pas",
     .en = "false: substitutes do not sit in this body (a bureau) and letters do not mention them",
     .default_value = "true"},
    {.name = "size", .type = T::map, .fr = "Nombre de membres minimal et maximal (composition)",
     .en = "Least and most members (composition)", .map = &bounds},
    {.name = "colleges", .type = T::list,
     .fr = "Collèges : quand ils sont donnés, le « college » de chaque membre est l’identifiant de l’un d’eux",
     .en = "Collèges: when given, every member's `college` is one of their ids", .map = &college},
};

constexpr KeyDef kBounds[] = {
    {.name = "min", .type = T::integer, .fr = "Nombre minimal de membres", .en = "Least number of members"},
    {.name = "max", .type = T::integer, .fr = "Nombre maximal de membres", .en = "Most members"},
};

constexpr KeyDef kCollege[] = {
    {.name = "id", .type = T::id, .required = true, .fr = "Identifiant du collège (valeur de « college » des membres)",
     .en = "Collège id (the members' `college`)"},
    {.name = "title", .type = T::text, .required = true,
     .fr = "Intitulé : « Professionnels et offreurs des services de santé »", .en = "Title of the collège"},
    {.name = "min", .type = T::integer, .fr = "Nombre minimal de membres du collège", .en = "Least members of the collège"},
    {.name = "max", .type = T::integer, .fr = "Nombre maximal de membres du collège", .en = "Most members of the collège"},
    {.name = "substitutes", .type = T::boolean,
     .fr = "false : les membres de ce collège n’ont pas de suppléant (personnalités qualifiées)",
     .en = "false: the members of this collège have no substitute (personnalités qualifiées)",
     .default_value = "true"},
};

constexpr KeyDef kTheme[] = {
    {.name = "id", .type = T::id, .required = true, .fr = "Identifiant de la thématique (valeur des « themes » des actions)",
     .en = "Theme id (what actions list in `themes`)"},
    {.name = "title", .type = T::text, .required = true,
     .fr = "Intitulé : « Prévention et promotion de la santé » (un objectif du PRS)", .en = "Title of the theme"},
};

constexpr KeyDef kManifest[] = {
    {.name = "id", .type = T::id, .required = true, .fr = "Identifiant du projet", .en = "Project id"},
    {.name = "title", .type = T::text, .required = true,
     .fr = "Intitulé : « Contrat local de santé Terres de Lorraine »", .en = "Title of the project"},
    {.name = "kind", .type = T::choice,
     .fr = "Nature du projet : cls (contrat local de santé) ou cts (conseil territorial de santé)",
     .en = "Kind of project: cls (contrat local de santé) or cts (conseil territorial de santé)",
     .values = kKinds, .default_value = "cls"},
    {.name = "lang", .type = T::choice, .fr = "Langue des documents", .en = "Language of the documents",
     .values = kLangs, .default_value = "fr"},
    {.name = "timezone", .type = T::choice,
     .fr = "Fuseau horaire des réunions (invitations d’agenda) : Europe/Paris, ou celui d’un territoire d’outre-mer",
     .en = "Time zone of the meetings (calendar invitations): Europe/Paris, or that of an overseas territory",
     .values = kTimezones, .default_value = "Europe/Paris"},
    {.name = "organisation", .type = T::map, .fr = "Structure qui émet les documents",
     .en = "Who issues the documents", .map = &organisation},
    {.name = "territory", .type = T::text, .fr = "Territoire couvert", .en = "Territory covered"},
    {.name = "period", .type = T::map, .fr = "Période du contrat", .en = "Period of the contract", .map = &period},
    {.name = "axes", .type = T::list, .fr = "Axes stratégiques et leurs objectifs",
     .en = "Strategic axes and their objectives", .map = &axis},
    {.name = "bodies", .type = T::list, .fr = "Instances qui se réunissent : COPIL, bureau, plénière…",
     .en = "Bodies that meet: steering committee, bureau, plenary…", .map = &body},
    {.name = "stale_months", .type = T::integer,
     .fr = "Mois sans relevé après lesquels l’indicateur d’une action en cours est signalé (indicator/stale)",
     .en = "Months without a reading after which an indicator of an action in progress is reported (indicator/stale)",
     .default_value = "12"},
    {.name = "population", .type = T::integer, .fr = "Nombre d’habitants couverts par le contrat",
     .en = "Inhabitants covered by the contract"},
    {.name = "communes", .type = T::communes,
     .fr = "Communes couvertes : codes INSEE (5 caractères, « 54528 », « 2A004 »)",
     .en = "Communes covered: INSEE codes (5 characters)"},
    {.name = "themes", .type = T::list,
     .fr = "Thématiques du projet, quand il n’est pas lu dans une région (sinon celles de region.yaml)",
     .en = "The project's themes, when it is used alone (else region.yaml's)", .map = &theme},
};

// --- actors/ ------------------------------------------------------------------

constexpr KeyDef kActor[] = {
    {.name = "id", .type = T::id, .required = true, .fr = "Identifiant de l’acteur", .en = "Actor id"},
    {.name = "kind", .type = T::choice, .fr = "Personne ou organisation", .en = "Person or organisation",
     .values = kActorKinds, .default_value = "person"},
    {.name = "name", .type = T::text, .required = true, .fr = "Nom (prénom et nom pour une personne)",
     .en = "Name (first and last name for a person)"},
    {.name = "civility", .type = T::choice, .fr = "Civilité : « Madame, » / « Monsieur, »",
     .en = "Civility: sets the salutation", .values = kCivilities},
    {.name = "role", .type = T::text, .fr = "Fonction, imprimée sous le nom", .en = "Function, printed under the name"},
    {.name = "organisation", .type = T::ref, .fr = "Organisation de rattachement (identifiant d’acteur)",
     .en = "The actor's organisation (an actor id)"},
    {.name = "email", .type = T::email, .fr = "Adresse électronique (nom@exemple.fr)", .en = "E-mail address (name@example.org)"},
    {.name = "phone", .type = T::text, .fr = "Téléphone", .en = "Telephone"},
    {.name = "address", .type = T::text, .fr = "Adresse postale, parties séparées par des virgules",
     .en = "Postal address, its parts separated by commas"},
    {.name = "college", .type = T::text,
     .fr = "Collège du membre : identifiant d’un collège de l’instance (« colleges »), ou texte libre si elle n’en déclare pas",
     .en = "The member's collège: the id of one of the body's `colleges`, or free text when it declares none"},
    {.name = "substitute", .type = T::ref, .fr = "Suppléant(e) qui siège en l’absence du titulaire",
     .en = "Substitute who sits when the titulaire is away"},
    {.name = "mandate", .type = T::map, .fr = "Période du mandat", .en = "Term of office", .map = &period},
    {.name = "honorific", .type = T::choice,
     .fr = "Titre devant le nom dans les adresses, à la place de la civilité : « Dr Claire Thouvenin »",
     .en = "Title before the name, in place of the civility: \"Dr Claire Thouvenin\"", .values = kHonorifics},
    {.name = "salutation", .type = T::text,
     .fr = "Appel des courriers, à la place de celui de la civilité : « Madame la Vice-présidente, »",
     .en = "Salutation of the letters, in place of the one from the civility"},
    {.name = "article", .type = T::choice,
     .fr = "Article d’une organisation après « par », « à », « de » : « présenté par l’Observatoire régional de santé »",
     .en = "Article of an organisation's name after \"par\", \"à\", \"de\" (French documents)",
     .values = kArticles},
};

// --- actions/ -----------------------------------------------------------------

constexpr KeyDef kReading[] = {
    {.name = "date", .type = T::date, .required = true, .fr = "Date de la mesure", .en = "Date of the reading"},
    {.name = "value", .type = T::number, .required = true, .fr = "Valeur mesurée (ou incrément si accumulate)",
     .en = "Value measured (or increment with accumulate)"},
    {.name = "note", .type = T::text, .fr = "Commentaire de la mesure", .en = "Note on the reading"},
};

constexpr KeyDef kIndicator[] = {
    {.name = "id", .type = T::id, .required = true, .fr = "Identifiant de l’indicateur (unique dans l’action)",
     .en = "Indicator id (unique within the action)"},
    {.name = "label", .type = T::text, .required = true, .fr = "Libellé de l’indicateur", .en = "Label"},
    {.name = "type", .type = T::choice, .fr = "Indicateur de réalisation (process) ou de résultat (result)",
     .en = "Process or result indicator", .values = kIndicatorTypes, .default_value = "process"},
    {.name = "unit", .type = T::text, .fr = "Unité : ateliers, personnes, %…", .en = "Unit"},
    {.name = "baseline", .type = T::number, .fr = "Valeur de départ", .en = "Starting value", .default_value = "0"},
    {.name = "target", .type = T::number, .required = true, .fr = "Valeur cible (différente de la valeur de départ)",
     .en = "Target value (not the baseline)"},
    {.name = "accumulate", .type = T::boolean,
     .fr = "true : chaque valeur s’ajoute aux précédentes ; false : chaque valeur est le niveau atteint",
     .en = "true: each value is an increment; false: each value is the level reached", .default_value = "false"},
    {.name = "weight", .type = T::weight, .fr = "Poids dans l’avancement de l’action",
     .en = "Weight in the action's progress", .default_value = "1"},
    {.name = "values", .type = T::list, .fr = "Mesures datées", .en = "Dated readings", .map = &reading},
};

constexpr KeyDef kFunding[] = {
    {.name = "funder", .type = T::ref, .required = true, .fr = "Financeur (identifiant d’acteur)",
     .en = "Funder (an actor id)"},
    {.name = "amount", .type = T::money, .required = true, .fr = "Montant en euros", .en = "Amount in euros"},
    {.name = "year", .type = T::integer, .fr = "Année du financement (exercice)", .en = "Year of the funding"},
    {.name = "status", .type = T::choice,
     .fr = "requested (demandé), granted (accordé) ou paid (versé) ; les totaux comptent les financements accordés et versés",
     .en = "requested, granted or paid; totals count granted and paid funding", .values = kFundingStatuses,
     .default_value = "granted"},
};

constexpr KeyDef kSpending[] = {
    {.name = "date", .type = T::date, .required = true, .fr = "Date de la dépense", .en = "Date of the spending"},
    {.name = "amount", .type = T::money, .required = true, .fr = "Montant en euros", .en = "Amount in euros"},
    {.name = "note", .type = T::text, .fr = "Objet de la dépense", .en = "What was paid for"},
};

constexpr KeyDef kStatusChange[] = {
    {.name = "date", .type = T::date, .required = true, .fr = "Date du changement d’état", .en = "Date of the change"},
    {.name = "status", .type = T::choice, .required = true, .fr = "État à partir de cette date",
     .en = "Status from that date", .values = kStatuses},
    {.name = "note", .type = T::text, .fr = "Commentaire", .en = "Note"},
};

constexpr KeyDef kBudget[] = {
    {.name = "planned", .type = T::money, .fr = "Budget prévu, en euros", .en = "Planned budget, in euros"},
    {.name = "spent", .type = T::amounts,
     .fr = "Montant dépensé, en euros, ou liste des dépenses datées {date, amount, note}",
     .en = "Amount spent, in euros, or a list of dated spendings {date, amount, note}", .map = &spending},
    {.name = "funding", .type = T::list, .fr = "Financements, par financeur", .en = "Funding, by funder",
     .map = &funding},
};

constexpr KeyDef kAction[] = {
    {.name = "id", .type = T::id, .required = true, .fr = "Identifiant de la fiche action", .en = "Action id"},
    {.name = "title", .type = T::text, .required = true, .fr = "Intitulé de l’action", .en = "Title of the action"},
    {.name = "objective", .type = T::ref, .required = true, .fr = "Objectif auquel l’action contribue",
     .en = "The objective the action serves"},
    {.name = "status", .type = T::choice, .fr = "État d’avancement", .en = "Status", .values = kStatuses,
     .default_value = "planned"},
    {.name = "lead", .type = T::ref, .fr = "Porteur de l’action (identifiant d’acteur)", .en = "Lead (an actor id)"},
    {.name = "partners", .type = T::refs, .fr = "Partenaires (identifiants d’acteurs)", .en = "Partners (actor ids)"},
    {.name = "start", .type = T::date, .fr = "Date de début", .en = "Start date"},
    {.name = "due", .type = T::date, .fr = "Échéance", .en = "Due date"},
    {.name = "weight", .type = T::weight, .fr = "Poids dans l’avancement de l’objectif",
     .en = "Weight in the objective's progress", .default_value = "1"},
    {.name = "public", .type = T::text, .fr = "Public cible", .en = "Target public"},
    {.name = "budget", .type = T::map, .fr = "Budget de l’action", .en = "Budget", .map = &budget},
    {.name = "description", .type = T::markdown, .fr = "Description (Markdown)", .en = "Description (Markdown)"},
    {.name = "indicators", .type = T::list, .fr = "Indicateurs de suivi", .en = "Indicators", .map = &indicator},
    {.name = "history", .type = T::list,
     .fr = "Historique des changements d’état : l’état à une date passée est celui de la dernière entrée à cette date",
     .en = "Status changes: the status as of a past date is the latest entry on or before it", .map = &status_change},
    {.name = "themes", .type = T::refs,
     .fr = "Thématiques de l’action : identifiants des thématiques de la région (sinon du projet)",
     .en = "The action's themes: ids of the region's (else the project's) themes"},
};

// --- meetings/ ----------------------------------------------------------------

constexpr KeyDef kVote[] = {
    {.name = "for", .type = T::integer, .fr = "Voix pour", .en = "Votes for", .default_value = "0"},
    {.name = "against", .type = T::integer, .fr = "Voix contre", .en = "Votes against", .default_value = "0"},
    {.name = "abstain", .type = T::integer, .fr = "Abstentions", .en = "Abstentions", .default_value = "0"},
};

constexpr KeyDef kDecision[] = {
    {.name = "text", .type = T::text, .required = true, .fr = "Texte de la décision ou de l’avis",
     .en = "Text of the decision"},
    {.name = "vote", .type = T::map, .fr = "Résultat du vote", .en = "The vote", .map = &vote},
    {.name = "outcome", .type = T::choice,
     .fr = "Issue : adopted (adoptée) ou rejected (rejetée) ; déduite du vote, sauf partage des voix",
     .en = "Outcome; computed from the vote but for a tie", .values = kOutcomes},
    {.name = "number", .type = T::text, .fr = "Numéro : « Avis n° 2026-03 » (CTS), « Décision n° … » (CLS)",
     .en = "Number: \"Avis n° 2026-03\" (CTS), \"Décision n° …\" (CLS)"},
    {.name = "recused", .type = T::refs,
     .fr = "Membres ayant un intérêt personnel à l’affaire, qui n’ont pas pris part à la délibération (R133-12 CRPA)",
     .en = "Members with a personal interest, who took no part (R133-12 CRPA)"},
    {.name = "dissent", .type = T::list,
     .fr = "Désaccords dont un membre a demandé la mention au procès-verbal (R133-13 CRPA)",
     .en = "Opinions a member asked to have recorded (R133-13 CRPA)", .map = &dissent},
};

constexpr KeyDef kDissent[] = {
    {.name = "member", .type = T::ref, .required = true, .fr = "Membre qui exprime son désaccord",
     .en = "The member who dissents"},
    {.name = "text", .type = T::text, .required = true, .fr = "Ce que le membre a demandé de consigner",
     .en = "What the member asked to have recorded"},
};

constexpr KeyDef kAttachment[] = {
    {.name = "title", .type = T::text, .required = true, .fr = "Intitulé de la pièce jointe", .en = "Title of the attachment"},
    {.name = "file", .type = T::text, .fr = "Fichier, chemin relatif à la racine du projet",
     .en = "File, its path from the project root"},
};

constexpr KeyDef kFollowup[] = {
    {.name = "task", .type = T::text, .required = true, .fr = "Suite à donner", .en = "Task"},
    {.name = "owner", .type = T::ref, .fr = "Responsable (identifiant d’acteur)", .en = "Owner (an actor id)"},
    {.name = "due", .type = T::date, .fr = "Échéance", .en = "Due date"},
    {.name = "done", .type = T::date, .fr = "Date de réalisation", .en = "Date it was done"},
};

constexpr KeyDef kAgendaItem[] = {
    {.name = "title", .type = T::text, .required = true, .fr = "Intitulé du point", .en = "Title of the item"},
    {.name = "kind", .type = T::choice, .fr = "Pour information, pour échange ou pour décision",
     .en = "For information, discussion or decision", .values = kItemKinds, .default_value = "information"},
    {.name = "presenter", .type = T::ref, .fr = "Qui présente le point", .en = "Who presents the item"},
    {.name = "duration", .type = T::integer, .fr = "Durée en minutes", .en = "Duration in minutes"},
    {.name = "actions", .type = T::refs, .fr = "Actions liées : leur état et leur avancement sont rappelés",
     .en = "Linked actions: their status and progress are shown"},
    {.name = "notes", .type = T::markdown, .fr = "Notes pour l’ordre du jour (Markdown)",
     .en = "Notes shown on the agenda (Markdown)"},
    {.name = "attachments", .type = T::list, .fr = "Pièces jointes à la convocation pour ce point",
     .en = "Attachments sent with the convocation for this item", .map = &attachment},
    {.name = "summary", .type = T::markdown, .fr = "Relevé des échanges, pour le compte rendu (Markdown)",
     .en = "Summary for the minutes (Markdown)"},
    {.name = "decisions", .type = T::list, .fr = "Décisions ou avis", .en = "Decisions", .map = &decision},
    {.name = "followups", .type = T::list, .fr = "Suites à donner", .en = "Follow-ups", .map = &followup},
};

constexpr KeyDef kConvocation[] = {
    {.name = "date", .type = T::date, .fr = "Date d’envoi des convocations", .en = "When convocations are sent"},
    {.name = "signatory", .type = T::ref, .fr = "Signataire (par défaut : la présidence de l’instance)",
     .en = "Who signs (default: the body's chair)"},
};

constexpr KeyDef kAttendance[] = {
    {.name = "present", .type = T::refs, .fr = "Présents", .en = "Present"},
    {.name = "excused", .type = T::refs, .fr = "Excusés", .en = "Excused"},
    {.name = "proxies", .type = T::ref_map, .fr = "Pouvoirs : membre absent → détenteur du pouvoir",
     .en = "Proxies: absent member → holder"},
    {.name = "remote", .type = T::refs,
     .fr = "Présents par visioconférence (aussi listés dans « present ») : comptent comme présents (R133-10 CRPA)",
     .en = "Present by videoconference (also listed in `present`): count as present"},
    {.name = "representatives", .type = T::ref_map,
     .fr = "Qui a siégé pour une organisation membre : organisation → personne",
     .en = "Who sat for a member organisation: organisation → person"},
};

constexpr KeyDef kMeeting[] = {
    {.name = "id", .type = T::id, .required = true, .fr = "Identifiant de la réunion", .en = "Meeting id"},
    {.name = "body", .type = T::ref, .required = true, .fr = "Instance qui se réunit", .en = "The body that meets"},
    {.name = "title", .type = T::text, .fr = "Intitulé (par défaut : l’instance et la date)",
     .en = "Title (default: from the body and the date)"},
    {.name = "date", .type = T::date, .required = true, .fr = "Date de la réunion", .en = "Date of the meeting"},
    {.name = "start", .type = T::time, .fr = "Heure de début (HH:MM)", .en = "Start time (HH:MM)"},
    {.name = "end", .type = T::time, .fr = "Heure de fin (HH:MM)", .en = "End time (HH:MM)"},
    {.name = "place", .type = T::text, .fr = "Lieu", .en = "Place"},
    {.name = "online", .type = T::text, .fr = "Lien de visioconférence", .en = "Videoconference link"},
    {.name = "guests", .type = T::refs, .fr = "Invités, sans voix délibérative", .en = "Guests, who do not vote"},
    {.name = "second_call", .type = T::second_call,
     .fr = "Seconde convocation : identifiant de la séance de la même instance où le quorum n’a pas été atteint ; "
           "pas de quorum requis (R133-10 CRPA). « true » est encore lu, avec un avertissement",
     .en = "Second call: the id of the held meeting of the same body whose quorum failed; no quorum needed "
           "(`true` is still read, with a warning)"},
    {.name = "urgent", .type = T::boolean,
     .fr = "Réunion convoquée en urgence : le délai de convocation ne s’applique pas (R133-8 CRPA)",
     .en = "Convened in urgency: the notice period does not apply", .default_value = "false"},
    {.name = "chair", .type = T::ref, .fr = "Qui a présidé la séance (par défaut : la présidence de l’instance, si présente)",
     .en = "Who presided (default: the body's chair, when present)"},
    {.name = "secretary", .type = T::ref, .fr = "Secrétaire de séance", .en = "Secretary of the meeting"},
    {.name = "opened", .type = T::time, .fr = "Heure d’ouverture effective de la séance (HH:MM)",
     .en = "Time the meeting was opened (HH:MM)"},
    {.name = "closed", .type = T::time, .fr = "Heure à laquelle la séance a été levée (HH:MM)",
     .en = "Time the meeting was closed (HH:MM)"},
    {.name = "minutes_approved", .type = T::ref,
     .fr = "Réunion ultérieure qui a approuvé ce compte rendu (identifiant)",
     .en = "The later meeting that approved these minutes (its id)"},
    {.name = "convocation", .type = T::map, .fr = "Envoi des convocations", .en = "The convocation",
     .map = &convocation},
    {.name = "agenda", .type = T::list, .fr = "Ordre du jour", .en = "Agenda", .map = &agenda_item},
    {.name = "attendance", .type = T::map, .fr = "Présences, renseignées après la réunion",
     .en = "Attendance, filled after the meeting", .map = &attendance},
};

// --- region.yaml -------------------------------------------------------------

constexpr KeyDef kRegion[] = {
    {.name = "id", .type = T::id, .required = true, .fr = "Identifiant de la région", .en = "Region id"},
    {.name = "title", .type = T::text, .required = true, .fr = "Intitulé : « Contrats locaux de santé du Grand Est »",
     .en = "Title of the region"},
    {.name = "projects", .type = T::paths, .required = true,
     .fr = "Dossiers des projets (chemins relatifs à region.yaml, dans le dossier de la région)",
     .en = "The projects' folders (paths relative to region.yaml, inside the region's folder)"},
    {.name = "themes", .type = T::list, .fr = "Nomenclature partagée des thématiques, par exemple les objectifs du PRS",
     .en = "The shared nomenclature of themes, e.g. the PRS objectives", .map = &theme},
};

constexpr FileKind kFileKinds[] = {
    {"cls.yaml", "", &manifest, false, "Manifeste du projet : identité, axes et objectifs, instances",
     "Project manifest: identity, axes and objectives, bodies"},
    {"actors", "actors", &actor, true, "Acteurs : organisations et personnes", "Actors: organisations and people"},
    {"actions", "actions", &action, true, "Fiches actions du plan d’action", "Fiches action of the action plan"},
    {"meetings", "meetings", &meeting, true, "Réunions : ordre du jour avant, compte rendu après",
     "Meetings: agenda before, minutes after"},
};

}  // namespace

const MapDef period{"period", kPeriod, "Période", "A period"};
const MapDef organisation{"organisation", kOrganisation, "Structure qui émet les documents",
                          "Who issues the documents"};
const MapDef contact{"contact", kContact, "Personne qui suit le dossier", "Who handles the file"};
const MapDef bounds{"size", kBounds, "Nombre de membres", "Number of members"};
const MapDef college{"college", kCollege, "Collège de l’instance", "A collège of the body"};
const MapDef objective{"objective", kObjective, "Objectif opérationnel", "An objective"};
const MapDef axis{"axis", kAxis, "Axe stratégique", "A strategic axis"};
const MapDef body{"body", kBody, "Instance", "A body that meets"};
const MapDef theme{"theme", kTheme, "Thématique", "A theme"};
const MapDef manifest{"cls.yaml", kManifest, "Manifeste du projet", "The project manifest"};
const MapDef actor{"actor", kActor, "Acteur : organisation ou personne", "An actor: organisation or person"};
const MapDef reading{"indicator value", kReading, "Mesure d’un indicateur", "A reading of an indicator"};
const MapDef indicator{"indicator", kIndicator, "Indicateur", "An indicator"};
const MapDef funding{"funding", kFunding, "Financement", "A funding line"};
const MapDef spending{"spending", kSpending, "Dépense datée", "A dated spending"};
const MapDef status_change{"history entry", kStatusChange, "Changement d’état d’une action", "A status change"};
const MapDef region{"region.yaml", kRegion, "Région : ses projets et ses thématiques", "A region of projects"};
const MapDef budget{"budget", kBudget, "Budget", "A budget"};
const MapDef action{"action", kAction, "Fiche action", "A fiche action"};
const MapDef vote{"vote", kVote, "Vote", "A vote"};
const MapDef decision{"decision", kDecision, "Décision ou avis", "A decision"};
const MapDef dissent{"dissent", kDissent, "Désaccord consigné", "A recorded dissent"};
const MapDef attachment{"attachment", kAttachment, "Pièce jointe", "An attachment"};
const MapDef followup{"follow-up", kFollowup, "Suite à donner", "A follow-up"};
const MapDef agenda_item{"agenda item", kAgendaItem, "Point de l’ordre du jour", "An agenda item"};
const MapDef convocation{"convocation", kConvocation, "Convocation", "The convocation"};
const MapDef attendance{"attendance", kAttendance, "Présences", "Attendance"};
const MapDef meeting{"meeting", kMeeting, "Réunion", "A meeting"};

std::span<const FileKind> file_kinds() { return kFileKinds; }

const FileKind& region_file_kind() {
  static const FileKind kind{"region.yaml", "", &region, false,
                             "Région : les projets qu’elle suit et ses thématiques partagées",
                             "Region: the projects it follows and its shared themes"};
  return kind;
}

}  // namespace cls::keys
