package domain

// The age and appearance phrases CheckWording flags. Both put off people
// leaving detention, who often start over later in life and may carry
// visible tattoos or scars, and both are about the person, not the work.
//
// The rules flag constructions, not single words, so ordinary text stays
// unflagged: "young plants", "jonge planten", "Jungpflanzen", "young
// people" in a youth worker's role, "a young and dynamic company", "max 2
// years" (a contract) or "attractive salary". "Junior" alone is a job
// level, not an age, and "at least 18" a legal minimum; neither is
// flagged. Recent-graduate phrasing ("recent graduate", "jeune diplômé",
// "pas afgestudeerd") and "max N years of experience" are flagged as
// proxies for age. The loanword "digital native" is English in every
// language, so it gets the English suggestion.

// Words after "young and dynamic" that make it about something other than
// people: a company, plants, animals.
const (
	wordingNotPeopleEN = " !company|companies|business|businesses|firm|startup|start|brand|organisation|organization|" +
		"enterprise|plant|plants|tree|trees|seedling|seedlings|shrub|shrubs|crop|crops|vegetables|animals|wine|wines|market|city"
	wordingNotPeopleNL = " !bedrijf|bedrijven|onderneming|organisatie|firma|startup|start|merk|plant|planten|boom|bomen|" +
		"groente|groenten|dieren|wijn|wijnen|markt|stad"
	wordingNotPeopleFR = " !entreprise|entreprises|société|sociétés|startup|start|structure|PME|agence|marque|plant|plants|" +
		"pousse|pousses|arbre|arbres|légumes|animaux|vin|vins|marché|ville"
	wordingNotPeopleDE = " !Unternehmen|Firma|Startup|Start|Marke|Pflanze|Pflanzen|Baum|Bäume|Gemüse|Tiere|Wein|Weine|Markt|Stadt"
	// Words before "jeune et dynamique" (and kin) that name a company.
	wordingCompanyBeforeFR = " <entreprise|société|startup|structure|PME|agence|marque|boîte"
	wordingCompanyBeforeDE = " <Unternehmen|Firma|Startup|Marke"
	wordingCompanyBeforeNL = " <bedrijf|onderneming|organisatie|firma|startup|merk"
	// Words before "under 25" (or "young women") that make it about the
	// people a role serves, or about things.
	wordingServedBeforeEN = " <people|children|kids|youth|youths|pupils|students|clients|residents|persons|" +
		"trees|plants|vehicles|cars|buildings|equipment"
	wordingServedBeforeNL = " <jongeren|kinderen|jeugd|leerlingen|studenten|cliënten|bewoners|mensen|personen"
	wordingServedBeforeFR = " <jeunes|enfants|élèves|étudiants|public|bénéficiaires|personnes"
	wordingServedBeforeDE = " <Jugendliche|Jugendlichen|Kinder|Kindern|Schüler|Schülern|Klienten|Menschen|Personen"
)

var wordingAgeRules = []wordingRule{
	{lang: "en", kind: wordingAge, patterns: []string{
		"young|youthful [and] dynamic|energetic|enthusiastic|motivated|ambitious|vibrant|hungry|driven|fresh|fun" + wordingNotPeopleEN,
		"dynamic|energetic|enthusiastic|vibrant [and] young|youthful" + wordingNotPeopleEN,
		"young|youthful team|teams|colleague|colleagues|staff|workforce|crew|talent|talents|professional|professionals|" +
			"graduate|graduates|candidate|candidates|applicant|applicants|blood|employee|employees|recruit|recruits",
		"young|youthful man|woman|men|women|guy|guys|girl|girls <for|with|of|support|supporting|help|helping",
		"youthful",
		"recent|new|fresh graduate|graduates|grad|grads|school_leaver|school_leavers",
		"recently|newly|just graduated",
		"fresh|straight out_of|from school|college|university|uni <children|kids|pupils|them",
		"graduated in|within the last|past # years|year",
		"digital native*", "millennial*", "gen_z|generation_z",
		"[aged|age|ages] [between] #age [to|and|until] #age years|year|yrs old|olds|of_age",
		"aged|age|ages [between|from] #age [to|and|until] #age !months|month|weeks|week|days|day|hours",
		"under|below|max|maximum|up_to|at_most|no_more_than|not_more_than|not_over #age years|year|yrs [old|of_age|of_experience]" +
			wordingServedBeforeEN,
		"younger_than|not_older_than|no_older_than|under_the_age_of|below_the_age_of #age" + wordingServedBeforeEN,
		"max|maximum|upper age [limit] [of] [#age]",
		"#age years|yrs old|of_age max|maximum|or_younger|or_under|at_most",
		"max|maximum|no_more_than|not_more_than|at_most # years|year|yrs [of] [relevant|professional|work] experience",
	}},
	{lang: "nl", kind: wordingAge, patterns: []string{
		"jong|jonge|jeugdig|jeugdige [en] dynamisch|dynamische|energiek|energieke|enthousiast|enthousiaste|" +
			"gemotiveerd|gemotiveerde|ambitieus|ambitieuze|gedreven|fris|frisse|sportief|sportieve" + wordingNotPeopleNL + wordingCompanyBeforeNL,
		"dynamisch|dynamische|energiek|energieke|enthousiast|enthousiaste [en] jong|jonge" + wordingNotPeopleNL + wordingCompanyBeforeNL,
		"jong|jonge team|teams|collega|collega_s|collegas|medewerker*|kracht|krachten|talent|talenten|hond|" +
			"professional|professionals|afgestudeerde|afgestudeerden|kandidaat|kandidaten|sollicitant*|bloed|" +
			"werknemer*",
		"jong|jonge man|vrouw|mannen|vrouwen|meid|meiden <voor|met|van|begeleiden|begeleiding|ondersteunen",
		"jeugdig|jeugdige uitstraling|elan|team|collega*|medewerker*",
		"pas|net|recent|vers afgestudeerd|afgestudeerde|afgestudeerden",
		"vers|net|recht van|uit de schoolbanken",
		"max|maximaal|maximum|hoogstens|hooguit|onder_de|niet_ouder_dan|jonger_dan #age jaar|jaren [oud]" + wordingServedBeforeNL,
		"niet_ouder_dan|jonger_dan #age" + wordingServedBeforeNL,
		"[leeftijd|leeftijden] tussen|van [de] #age en|tot #age jaar [oud]",
		"leeftijd|leeftijden [tussen|van] [de] #age [en|tot] #age",
		"maximumleeftijd|maximale_leeftijd|max_leeftijd|maximum_leeftijd|leeftijdsgrens_van #age",
		"maximumleeftijd|maximale_leeftijd",
		"max|maximaal|maximum|hoogstens|hooguit # jaar|jaren [werk]ervaring|werkervaring",
	}},
	{lang: "fr", kind: wordingAge, patterns: []string{
		"jeune|jeunes [et] dynamique*|énergique*|motivé*|enthousiaste*|ambitieu*|sportif|sportive|sportifs|sportives|" +
			"souriant*" + wordingNotPeopleFR + wordingCompanyBeforeFR,
		"dynamique*|énergique*|enthousiaste* [et] jeune|jeunes" + wordingNotPeopleFR + wordingCompanyBeforeFR,
		"équipe|équipes jeune|jeunes",
		"jeune|jeunes équipe|équipes|collègue*|talent*|diplômé*|recrue*|candidat*|candidate*|professionnel*|cadre|cadres|" +
			"sang|collaborat*|salarié*|employé*|profil|profils",
		"jeune|jeunes homme|hommes|femme|femmes|fille|filles|gens <pour|avec|accompagner|accompagnement|auprès",
		"récemment|fraîchement|nouvellement|tout_juste diplômé*",
		"sortant|sortante|sortants|sortantes d|de [l] école|écoles",
		"tout_juste|fraîchement sorti|sortie|sortis|sorties d|de [l] école|écoles",
		"natif|native|natifs|natives du numérique",
		"moins_de|pas_plus_de|au_maximum|au_plus|maximum|max|jusqu_à #age ans" + wordingServedBeforeFR,
		"#age ans maximum|max|au_plus|au_maximum|ou_moins",
		"âgé|âgée|âgés|âgées [de|entre] #age [à|et] #age [ans] !mois|semaines|jours",
		"âgé|âgée|âgés|âgées de_moins_de|de_plus_de|au_plus|au_maximum #age",
		"entre #age et #age ans",
		"âge|age maximum|max|maximal|limite",
		"limite|limites d|de âge",
		"maximum|max|au_maximum|pas_plus_de # ans|an d expérience",
	}},
	{lang: "de", kind: wordingAge, patterns: []string{
		"jung|junge|jungen|junges|junger|jugendlich* [und] dynamisch*|energiegeladen*|motiviert*|engagiert*|" +
			"ambitioniert*|aufgeschlossen*|sportlich*|spritzig*" + wordingNotPeopleDE + wordingCompanyBeforeDE,
		"dynamisch*|energiegeladen* [und] jung|junge|jungen|junges|junger" + wordingNotPeopleDE + wordingCompanyBeforeDE,
		"jung|junge|jungen|junges|junger Team|Teams|Kollege|Kollegen|Kollegin|Kolleginnen|Mitarbeiter*|Mitarbeitende*|" +
			"Absolvent*|Talent|Talente|Nachwuchs*|Bewerber*|Kräfte|Kraft|Blut",
		"jung|junge|jungen|junges|junger Männer|Frauen|Mann|Frau|Mädels <für|mit|von|Begleitung|Betreuung|unterstützen",
		"jugendlich* Ausstrahlung|Erscheinung|Auftreten|Aussehen|Team|Teams",
		"frischgebacken* Absolvent*|Absolventin*",
		"frisch|gerade|direkt von|aus der Uni|Universität|Hochschule|Schule",
		"max|maximal|höchstens|nicht_älter_als|jünger_als|unter #age Jahre|Jahren [alt]" + wordingServedBeforeDE,
		"nicht_älter_als|jünger_als #age" + wordingServedBeforeDE,
		"[im_Alter] zwischen|von #age und|bis #age Jahren|Jahre|Jahr [alt]",
		"Alter|Altersgruppe [zwischen|von] #age [und|bis] #age",
		"Alter|Alters bis|unter|max|maximal #age",
		"Höchstalter|Altershöchstgrenze|Altersobergrenze|Maximalalter",
		"max|maximal|höchstens|nicht_mehr_als # Jahre|Jahren [Berufserfahrung|Erfahrung]",
	}},
}

var wordingAppearanceRules = []wordingRule{
	{lang: "en", kind: wordingAppearance, patterns: []string{
		"well|nicely|neatly groomed [appearance|look] !lawn|lawns|garden|gardens|grounds|park|parks|hedge|hedges|horse|horses|" +
			"dog|dogs|pet|pets|animals|trail|trails|slope|slopes|pitch|pitches|course|courses|turf|greens|beds" +
			" <lawn|lawns|garden|gardens|grounds|hedge|hedges|horse|horses|dog|dogs|pets|animals|keep|keeps|kept|them|it",
		"attractive|pleasant|smart|neat|tidy|pleasing|good|professional|representative|presentable|well_presented|" +
			"groomed|polished|clean_cut|immaculate|impeccable|youthful appearance|appearances|physique",
		"good_looks|attractive_figure|slim_figure|good_figure|attractive_look|youthful_look",
		"good_looking|goodlooking|beautiful|physically_attractive",
		"attractive|handsome|pretty [and] [young] woman|women|man|men|girl|girls|lady|ladies|person|people|candidate*|" +
			"applicant*|staff|hostess*|waitress*|bartender*|face|faces",
		"presentable person|people|candidate*|applicant*|individual*|staff",
		"you_are|you_re|you_must_be|you_should_be|you_look|always_look|always presentable|well_presented|well_dressed|" +
			"well_groomed|smartly_dressed|attractive|good_looking",
		"well_presented|well_dressed|smartly_dressed person|people|candidate*|applicant*|individual*|staff",
		"slim|slender|thin build|figure|person|candidate*|applicant*|woman|women|man|men",
		"no [visible] tattoo|tattoos|piercing|piercings",
	}},
	{lang: "nl", kind: wordingAppearance, patterns: []string{
		"verzorgd|verzorgde|representatief|representatieve|aantrekkelijk|aantrekkelijke|aangenaam|aangename|knap|knappe|" +
			"net|nette|goed_verzorgd|goed_verzorgde|keurig|keurige|correct|correcte|onberispelijk|onberispelijke|" +
			"jeugdig|jeugdige uiterlijk|voorkomen|verschijning",
		"verzorgde|representatieve|aantrekkelijke|nette|keurige uitstraling",
		"je_ziet_er|u_ziet_er|ziet_er verzorgd|representatief|netjes|goed|aantrekkelijk|keurig|verzorgd [uit]",
		"je_bent|u_bent|bent_u|ben_je [goed] verzorgd|representatief|aantrekkelijk|knap",
		"slank|slanke postuur|figuur|bouw",
		"geen [zichtbare] tatoeage|tatoeages|tattoo|tattoos|piercing|piercings",
	}},
	{lang: "fr", kind: wordingAppearance, patterns: []string{
		"présentation|apparence|allure|physique soignée|soigné|soignés|soignées|impeccable|irréprochable|agréable|" +
			"avenante|avenant|attrayante|attrayant|avantageuse|avantageux|séduisante|séduisant|plaisante|plaisant|attirant|attirante" +
			" !des|du|de|d|orale|écrite <travail|effort|efforts|activité|condition|endurance|force|exercice|résistance|port",
		"bonne|belle|excellente|parfaite|jolie présentation|apparence !des|du|de|d|orale|écrite|powerpoint|commerciale",
		"beau|joli physique",
		"être|êtes|es|soyez|soit bien présenté|présentée|présentés|présentées|mis|mise",
		"personne|candidat|candidate|candidats|profil bien présenté|présentée|présentés|présentées|mis|mise",
		"pas_de|aucun|sans tatouage|tatouages|piercing|piercings [visible|visibles]",
	}},
	{lang: "de", kind: wordingAppearance, patterns: []string{
		"gepflegt*|ansprechend*|attraktiv*|repräsentativ*|vorzeigbar*|adrett*|gut* Äußeres|Äußere|Äußeren|Äußerem|Erscheinungsbild|Erscheinung|Aussehen" +
			" !des|der|unseres|unserer|Ihres|Ihrer|ihres|ihrer",
		"gepflegt*|repräsentativ* Auftreten",
		"gut_aussehend*|gutaussehend*",
		"schlank* Figur|Statur",
		"keine [sichtbaren|sichtbare] Tattoos|Tätowierung*|Piercings",
	}},
}
