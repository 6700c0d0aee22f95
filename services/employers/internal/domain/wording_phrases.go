package domain

import (
	"slices"
	"strings"
)

// The phrases CheckWording flags, what it suggests instead and why. The
// pattern syntax is described at wordingCompile.

// wordingKind is what a phrase does to an applicant with a record.
type wordingKind int

const (
	wordingRecord      wordingKind = iota // asks for a clean record
	wordingCheck                          // announces a blanket background check
	wordingCertificate                    // asks every applicant for a certificate of conduct
	wordingExclusion                      // rules people with a record out
	wordingAge                            // asks for youth or an age band, or a proxy for it
	wordingAppearance                     // asks for looks rather than a dress code
	wordingKinds                          // how many kinds there are
)

// Categories group the kinds for the API, so a client can explain a flag
// and group flags: the first four kinds are all about a criminal record.
const (
	WordingCategoryRecord     = "criminal_record"
	WordingCategoryAge        = "age"
	WordingCategoryAppearance = "appearance"
)

// category is the kind's API category.
func (k wordingKind) category() string {
	switch k {
	case wordingAge:
		return WordingCategoryAge
	case wordingAppearance:
		return WordingCategoryAppearance
	}
	return WordingCategoryRecord
}

// wordingRule is a group of patterns in one language, of one kind.
type wordingRule struct {
	lang       string // the language of the phrases, and so of the suggestion
	kind       wordingKind
	suggestion string // when set, replaces the kind's suggestion
	patterns   []string
}

// wordingOpt is an optional step of alternatives.
func wordingOpt(alts ...string) string { return "[" + strings.Join(alts, "|") + "]" }

// What may follow a phrase to say it is required; part of the phrase.
var (
	wordingReqEN = wordingOpt("required", "mandatory", "needed", "necessary", "essential", "a_must",
		"is_required", "are_required", "is_mandatory", "are_mandatory", "is_needed", "is_necessary",
		"is_essential", "is_a_must", "will_be_required", "will_be_carried_out", "will_be_conducted")
	wordingReqNL = wordingOpt("verplicht", "vereist", "vereiste", "noodzakelijk", "nodig", "gevraagd",
		"een_vereiste", "een_must", "is_verplicht", "is_vereist", "is_noodzakelijk", "is_nodig",
		"is_een_vereiste", "is_een_must", "wordt_gevraagd", "wordt_vereist")
	wordingReqFR = wordingOpt("exigé*", "requis*", "obligatoire*", "indispensable*", "nécessaire*",
		"demandé*", "est_exigé*", "est_requis*", "est_obligatoire", "est_indispensable", "est_nécessaire",
		"sera_exigé*", "sera_demandé*")
	wordingReqDE = wordingOpt("erforderlich", "notwendig", "nötig", "vorausgesetzt", "verpflichtend",
		"Pflicht", "erwünscht", "vorzulegen", "zwingend_erforderlich", "zwingend_notwendig",
		"ist_erforderlich", "ist_notwendig", "ist_nötig", "ist_Pflicht", "ist_verpflichtend",
		"ist_zwingend_erforderlich", "ist_vorzulegen", "wird_vorausgesetzt", "wird_verlangt", "wird_benötigt")
)

// wordingRules are every rule: the record rules here, the age and
// appearance rules in wording_age.go.
var wordingRules = slices.Concat(wordingRecordRules, wordingAgeRules, wordingAppearanceRules)

// wordingRecordRules flag phrases about a criminal record.
var wordingRecordRules = []wordingRule{
	// English.
	{lang: "en", kind: wordingRecord, patterns: []string{
		"clean|spotless|unblemished|impeccable|immaculate [criminal|police] record " + wordingReqEN +
			" !keeping|keeper|keepers|of|book|books|sheet|sheets|store|stores|shop|label|player|holder|holders",
		"clear criminal|police record|history " + wordingReqEN,
		"clean|spotless|unblemished criminal|police history|background [check|checks] " + wordingReqEN,
		"clean DBS [check|certificate] " + wordingReqEN,
		"no|without [a|any] [prior|previous|past] criminal|police record|records|history|background|past " +
			wordingReqEN + " !check*|screening*|vetting",
		"no [prior|previous|past] [criminal|felony] conviction|convictions|felonies|arrests " + wordingReqEN,
		"must_not_have|mustn_t_have|cannot_have|can_t_have [a|any] [criminal|police] record|records|convictions " + wordingReqEN,
		"never [have] [been] convicted|arrested",
	}},
	{lang: "en", kind: wordingCheck, patterns: []string{
		"[criminal] background check*|screening*|investigation*|vetting " + wordingReqEN,
		"must|to|will|shall|should pass|undergo|clear|complete|consent_to|submit_to [a|an|the] " +
			"[full|thorough|enhanced|satisfactory|successful] [criminal] background|police|DBS|criminal_record " +
			"check*|screening*|vetting " + wordingReqEN,
		"subject_to|conditional_on|dependent_on [a|an|the] [full|thorough|enhanced|satisfactory|successful] " +
			"[criminal] background|police|DBS|criminal_record check*|screening*|vetting",
		"require|requires|requiring [a|an] [full|thorough|enhanced] [criminal] background|police|criminal_record " +
			"check*|screening*|vetting",
		"criminal_record|criminal|police check*|screening*|clearance|vetting " + wordingReqEN,
		"[basic|standard|enhanced] DBS check*|clearance " + wordingReqEN,
	}},
	{lang: "en", kind: wordingCertificate, patterns: []string{
		"certificate|certificates|proof|evidence of [good] conduct|character " + wordingReqEN,
		"good_conduct|police certificate* " + wordingReqEN,
		"certificate|certificates|proof|evidence of no criminal|police record|records|conviction|convictions " + wordingReqEN,
	}},
	{lang: "en", kind: wordingExclusion, patterns: []string{
		"no [ex|former] offender*|prisoner*|inmate*|convict|convicts|felon|felons|criminals|ex_cons|ex_con|exoffender*|excons",
		"no_one|noone|nobody with [a|any] [criminal|police] record|records|conviction|convictions",
		"[ex|former] offenders|felons|convicts|criminals|ex_cons need_not_apply|should_not_apply|must_not_apply|" +
			"do_not_apply|don_t_apply|please_do_not_apply|will_not_be_considered",
	}},

	// Dutch (the Netherlands and Flanders).
	{lang: "nl", kind: wordingRecord, patterns: []string{
		"blanco|blanc|schoon|schone|leeg|lege|smetteloos|smetteloze|zuiver|zuivere strafblad|strafregister|" +
			"strafverleden|justitieel_verleden|justitiële_verleden " + wordingReqNL,
		"strafblad|strafregister moet|dient blanco|leeg|schoon [te] [zijn]",
		"geen|zonder strafblad|strafbladen|strafregister|strafverleden|justitieel_verleden|justitiële_antecedenten|" +
			"antecedenten|crimineel_verleden|criminele_verleden|strafrechtelijk_verleden " + wordingReqNL,
		"geen|zonder [eerdere] [strafrechtelijke] veroordeling|veroordelingen " + wordingReqNL,
		"nooit|niet [eerder] veroordeeld|gearresteerd",
		"onberispelijk|onberispelijke|smetteloos|smetteloze|blanco verleden " + wordingReqNL,
	}},
	{lang: "nl", kind: wordingCertificate, patterns: []string{
		"[geldige|recente|verplichte|vereiste|originele] VOG|VOG_s|VOGs|Verklaring_Omtrent_het_Gedrag|" +
			"Verklaring_van_goed_gedrag [VOG] " + wordingReqNL,
	}},
	{lang: "nl", kind: wordingCertificate,
		suggestion: "Een uittreksel uit het strafregister vragen we alleen als de functie dat wettelijk vereist.",
		patterns: []string{
			"bewijs|attest|getuigschrift|uittreksel|certificaat van goed_gedrag [en_zeden] " + wordingReqNL,
			"goed_gedrag_en_zeden " + wordingReqNL,
			"uittreksel|uittreksels [uit|van] [het] strafregister|strafblad " + wordingReqNL,
		}},
	{lang: "nl", kind: wordingCheck, patterns: []string{
		"antecedentenonderzoek*|antecedentencontrole*|antecedentenscreening*|antecedenten_onderzoek*|" +
			"antecedenten_controle*|antecedenten_screening*|achtergrondcontrole*|achtergrondcheck*|" +
			"achtergrondscreening* " + wordingReqNL,
	}},
	{lang: "nl", kind: wordingExclusion, patterns: []string{
		"geen [ex|voormalige] gedetineerde*|gevangene*|delinquent*|criminelen|exgedetineerde*|exgevangene*",
		"geen mensen|personen|kandidaten|sollicitanten met [een] strafblad|strafverleden|strafregister|" +
			"justitieel_verleden|veroordeling*",
	}},

	// French (France, Belgium, Switzerland, Luxembourg).
	{lang: "fr", kind: wordingRecord, patterns: []string{
		"casier|casiers judiciaire|judiciaires vierge|vierges|net|nette|nets|propre*|vide* " + wordingReqFR,
		"casier|casiers vierge|vierges " + wordingReqFR,
		"pas_de|pas_d|pas_avoir_de|pas_avoir_d|sans|aucun casier|casiers judiciaire|judiciaires " + wordingReqFR,
		"pas_de|pas_d|pas_avoir_de|pas_avoir_d|sans|aucun|aucuns antécédent* judiciaire*|pénal|pénaux|criminel* " + wordingReqFR,
		"pas_de|pas_d|pas_avoir_de|pas_avoir_d|sans|aucune condamnation* [pénale*|judiciaire*] " + wordingReqFR,
		"jamais [avoir] [été] condamné*",
	}},
	{lang: "fr", kind: wordingCertificate, patterns: []string{
		"extrait|extraits|bulletin|copie [n°3|n°2|numéro_3|no_3] de|du casier [judiciaire] " +
			"[n°3|n°2|bulletin_n°3|bulletin_n°2|b3] " + wordingReqFR,
		"certificat|attestation|extrait de bonne_vie_et_mœurs " + wordingReqFR,
		"bonne_vie_et_mœurs " + wordingReqFR,
	}},
	{lang: "fr", kind: wordingCheck, patterns: []string{
		"vérification*|contrôle*|enquête*|examen|verification* [systématique*] des|de|d antécédent* " +
			"[judiciaire*|criminel*|pénaux] " + wordingReqFR,
		"vérification*|contrôle*|enquête* de|d moralité|honorabilité " + wordingReqFR,
	}},
	{lang: "fr", kind: wordingExclusion, patterns: []string{
		"pas_d|pas_de|aucun|aucune ancien|anciens|ancienne|anciennes|ex détenu*|prisonnier*|prisonnière*|délinquant*",
		"pas_de|aucun repris_de_justice|criminel|criminels|délinquant*",
	}},

	// German (Germany, Austria, Switzerland).
	{lang: "de", kind: wordingRecord, patterns: []string{
		"einwandfrei*|sauber*|lupenrein*|tadellos*|makellos*|leer*|unbelastet*|eintragsfrei*|blütenweiß* " +
			"Führungszeugnis* " + wordingReqDE,
		"Führungszeugnis* ohne Eintrag*|Einträge|Vorstrafen|Vermerk* " + wordingReqDE,
		"keine|ohne [einschlägigen|einschlägige|relevanten|relevante|nennenswerten|eingetragenen] " +
			"Vorstrafe*|Verurteilung* " + wordingReqDE,
		"keine|ohne Eintrag*|Einträge im|in_einem|im_polizeilichen Führungszeugnis*",
		"nicht_vorbestraft|unvorbestraft " + wordingReqDE,
		"unbescholten*",
		"einwandfrei*|tadellos*|untadelig*|guter|guten Leumund* " + wordingReqDE,
		"straffrei* Vorleben|Lebenswandel " + wordingReqDE,
	}},
	{lang: "de", kind: wordingCertificate, patterns: []string{
		"[Vorlage_eines|Vorlage_des|Vorlage] [polizeilich*|erweitert*|aktuell*|gültig*] Führungszeugnis* " + wordingReqDE,
	}},
	{lang: "de", kind: wordingCheck, patterns: []string{
		"Hintergrundüberprüfung*|Hintergrundprüfung*|Hintergrundcheck*|Hintergrund-Überprüfung*|Hintergrund-Prüfung*|" +
			"Hintergrund-Check* " + wordingReqDE,
	}},
	{lang: "de", kind: wordingExclusion, patterns: []string{
		"keine [ehemaligen|Ex] Häftling*|Straftäter*|Strafgefangene*|Vorbestraft*|Kriminelle*|Inhaftierte*",
		"Vorbestrafte|Straftäter|Ex-Häftlinge unerwünscht|ausgeschlossen",
	}},
}

// Words that, shortly before a phrase, deny it: "we don't ask for a clean
// record", "geen VOG verplicht", "sans vérification des antécédents".
var wordingNegators = map[string]bool{
	"no": true, "not": true, "t": true, "never": true, "without": true, "nor": true,
	"geen": true, "niet": true, "zonder": true, "nooit": true,
	"n": true, "ne": true, "pas": true, "aucun": true, "aucune": true, "sans": true, "jamais": true,
	"kein": true, "keine": true, "keinen": true, "keinem": true, "keiner": true, "keines": true,
	"nicht": true, "ohne": true, "nie": true, "niemals": true,
}

// Words that, right after a phrase, deny it: "background check not
// required", "VOG is niet nodig", "casier vierge n'est pas exigé".
var wordingDenials = map[string]bool{
	"not": true, "t": true, "never": true, "niet": true, "nooit": true, "geen": true,
	"n": true, "ne": true, "jamais": true, "nicht": true, "nie": true, "niemals": true, "kein": true, "keine": true,
}

// "Without" and the words that pair it with "with": "with or without a
// criminal record" is no flag.
var (
	wordingWithouts     = map[string]bool{"without": true, "zonder": true, "sans": true, "ohne": true}
	wordingAlternatives = map[string]bool{"or": true, "and": true, "of": true, "en": true, "ou": true, "et": true, "oder": true, "und": true}
)

// wordingSuggestions is neutral wording by the phrase's language and kind.
var wordingSuggestions = map[string][wordingKinds]string{
	"en": {
		wordingRecord:      "We judge applicants on their skills and what the job needs. If the role legally requires a check, say which and why.",
		wordingCheck:       "We judge applicants on their skills. If the role legally requires a check, say which and why.",
		wordingCertificate: "We ask for a certificate of good conduct only where the law requires it for this role.",
		wordingExclusion:   "We welcome applicants from every background and judge them on their skills.",
		wordingAge:         "Describe the tasks, the pace and any physical demands of the work; anyone who can do them may apply, whatever their age.",
		wordingAppearance:  "Describe the dress code, uniform or hygiene rules the job has (hair net, safety shoes); say nothing about how people look.",
	},
	"nl": {
		wordingRecord:      "We beoordelen sollicitanten op hun vaardigheden en op wat het werk vraagt. Vereist de wet voor deze functie een controle, vermeld dan welke en waarom.",
		wordingCheck:       "We beoordelen sollicitanten op hun vaardigheden. Vereist de wet voor deze functie een controle, vermeld dan welke en waarom.",
		wordingCertificate: "Een VOG vragen we alleen als de functie dat wettelijk vereist.",
		wordingExclusion:   "Iedereen is welkom om te solliciteren; we kijken naar vaardigheden.",
		wordingAge:         "Beschrijf de taken, het tempo en wat het werk lichamelijk vraagt; wie dat kan, is welkom, ongeacht de leeftijd.",
		wordingAppearance:  "Beschrijf de kledingvoorschriften, het uniform of de hygiëneregels van de functie (haarnetje, veiligheidsschoenen); zeg niets over hoe iemand eruitziet.",
	},
	"fr": {
		wordingRecord:      "Nous évaluons les candidats sur leurs compétences et sur ce que le poste demande. Si la loi impose une vérification pour ce poste, précisez laquelle et pourquoi.",
		wordingCheck:       "Nous évaluons les candidats sur leurs compétences. Si la loi impose une vérification pour ce poste, précisez laquelle et pourquoi.",
		wordingCertificate: "Nous ne demandons un extrait de casier judiciaire que si la loi l'impose pour ce poste.",
		wordingExclusion:   "Toutes les candidatures sont les bienvenues ; nous les évaluons sur les compétences.",
		wordingAge:         "Décrivez les tâches, le rythme et les exigences physiques du poste ; toute personne capable de les assumer peut postuler, quel que soit son âge.",
		wordingAppearance:  "Décrivez la tenue, l'uniforme ou les règles d'hygiène du poste (charlotte, chaussures de sécurité) ; ne dites rien de l'apparence des personnes.",
	},
	"de": {
		wordingRecord:      "Wir beurteilen Bewerbende nach ihren Fähigkeiten und danach, was die Stelle verlangt. Schreibt das Gesetz für die Stelle eine Prüfung vor, nennen Sie welche und warum.",
		wordingCheck:       "Wir beurteilen Bewerbende nach ihren Fähigkeiten. Schreibt das Gesetz für die Stelle eine Prüfung vor, nennen Sie welche und warum.",
		wordingCertificate: "Ein Führungszeugnis verlangen wir nur, wenn das Gesetz es für diese Stelle vorschreibt.",
		wordingExclusion:   "Wir freuen uns über alle Bewerbungen und beurteilen sie nach ihren Fähigkeiten.",
		wordingAge:         "Beschreiben Sie Aufgaben, Tempo und körperliche Anforderungen der Stelle; bewerben kann sich, wer das kann, unabhängig vom Alter.",
		wordingAppearance:  "Beschreiben Sie Kleiderordnung, Arbeitskleidung oder Hygieneregeln der Stelle (Haarnetz, Sicherheitsschuhe); sagen Sie nichts über das Aussehen.",
	},
}

// wordingReasons says why, by the asked language and the phrase's kind.
var wordingReasons = map[string][wordingKinds]string{
	"en": {
		wordingRecord:      "Asking for a clean record tells people with a conviction not to apply, even when it has nothing to do with the job.",
		wordingCheck:       "A blanket background check puts people with a record off before anyone has looked at their skills.",
		wordingCertificate: "Asking every applicant for a certificate of conduct puts people with a record off; it is only needed where the law requires it for the role.",
		wordingExclusion:   "Ruling out people with a record turns good applicants away before anyone has looked at their skills.",
		wordingAge:         "Asking for youth, an age band or recent graduates turns older applicants away and is age discrimination under EU law; many people leaving detention start over later in life.",
		wordingAppearance:  "Asking for looks lets appearance, not skills, decide, and puts off people who do not fit an ideal, such as those with visible tattoos or scars.",
	},
	"nl": {
		wordingRecord:      "Wie om een blanco strafblad vraagt, zegt mensen met een veroordeling dat ze niet hoeven te solliciteren, ook als die niets met het werk te maken heeft.",
		wordingCheck:       "Een algemeen antecedentenonderzoek schrikt mensen met een strafblad af voordat iemand naar hun vaardigheden heeft gekeken.",
		wordingCertificate: "Een bewijs van goed gedrag van iedereen vragen schrikt mensen met een strafblad af; het is alleen nodig als de wet het voor de functie vereist.",
		wordingExclusion:   "Wie mensen met een strafblad uitsluit, wijst goede kandidaten af voordat iemand naar hun vaardigheden heeft gekeken.",
		wordingAge:         "Vragen naar jeugd, een leeftijdsgrens of pas afgestudeerden houdt oudere kandidaten weg en is leeftijdsdiscriminatie; wie uit detentie komt, begint vaak later opnieuw.",
		wordingAppearance:  "Vragen naar uiterlijk laat het uiterlijk beslissen in plaats van vaardigheden en schrikt mensen af die niet aan een ideaal voldoen, zoals mensen met zichtbare tatoeages of littekens.",
	},
	"fr": {
		wordingRecord:      "Exiger un casier vierge dissuade les personnes condamnées de postuler, même quand leur passé n'a rien à voir avec le poste.",
		wordingCheck:       "Une vérification systématique des antécédents décourage les personnes ayant un casier avant même qu'on regarde leurs compétences.",
		wordingCertificate: "Exiger de chaque candidat un extrait de casier judiciaire décourage les personnes ayant un casier ; il ne se justifie que si la loi l'impose pour le poste.",
		wordingExclusion:   "Exclure les personnes ayant un casier écarte de bons candidats avant même qu'on regarde leurs compétences.",
		wordingAge:         "Demander de la jeunesse, une tranche d'âge ou de jeunes diplômés écarte les candidats plus âgés et constitue une discrimination liée à l'âge ; beaucoup de personnes sortant de détention recommencent plus tard dans la vie.",
		wordingAppearance:  "Exiger une apparence fait décider le physique plutôt que les compétences et décourage les personnes qui ne correspondent pas à un idéal, par exemple avec des tatouages ou des cicatrices visibles.",
	},
	"de": {
		wordingRecord:      "Wer ein einwandfreies Vorleben verlangt, hält Menschen mit Vorstrafen von einer Bewerbung ab, auch wenn diese nichts mit der Stelle zu tun haben.",
		wordingCheck:       "Eine pauschale Hintergrundüberprüfung schreckt Menschen mit Vorstrafen ab, bevor jemand ihre Fähigkeiten angesehen hat.",
		wordingCertificate: "Ein Führungszeugnis von allen zu verlangen, schreckt Menschen mit Vorstrafen ab; nötig ist es nur, wenn das Gesetz es für die Stelle vorschreibt.",
		wordingExclusion:   "Wer Menschen mit Vorstrafen ausschließt, weist gute Bewerbende ab, bevor jemand ihre Fähigkeiten angesehen hat.",
		wordingAge:         "Wer Jugend, eine Altersgrenze oder frische Absolventen verlangt, hält ältere Bewerbende fern und diskriminiert wegen des Alters; viele Menschen nach der Haft fangen später im Leben neu an.",
		wordingAppearance:  "Wer ein bestimmtes Aussehen verlangt, lässt die Optik statt der Fähigkeiten entscheiden und schreckt Menschen ab, die keinem Ideal entsprechen, etwa mit sichtbaren Tattoos oder Narben.",
	},
}
