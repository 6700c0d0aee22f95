package vocab

import "strings"

// SectorLanguages are the languages every sector has a name in.
var SectorLanguages = []string{"en", "nl", "fr", "de"}

// Sector is one NACE Rev. 2 section with its display name by language.
type Sector struct {
	Code  string            // the section letter, A–U
	Names map[string]string // by SectorLanguages
}

// Sectors are the NACE Rev. 2 sections in letter order, named as the
// classification names them (shortened where the official title is long),
// so a form can show names, not letters.
var Sectors = []Sector{
	{"A", names("Agriculture, forestry and fishing", "Landbouw, bosbouw en visserij",
		"Agriculture, sylviculture et pêche", "Land- und Forstwirtschaft, Fischerei")},
	{"B", names("Mining and quarrying", "Winning van delfstoffen",
		"Industries extractives", "Bergbau und Gewinnung von Steinen und Erden")},
	{"C", names("Manufacturing", "Industrie", "Industrie manufacturière", "Verarbeitendes Gewerbe")},
	{"D", names("Electricity, gas, steam and air conditioning supply",
		"Energievoorziening (elektriciteit, gas, stoom en gekoelde lucht)",
		"Production et distribution d'électricité, de gaz, de vapeur et d'air conditionné", "Energieversorgung")},
	{"E", names("Water supply, sewerage, waste management and remediation",
		"Water, afval- en afvalwaterbeheer en sanering",
		"Eau, assainissement, gestion des déchets et dépollution",
		"Wasserversorgung, Abwasser- und Abfallentsorgung, Beseitigung von Umweltverschmutzungen")},
	{"F", names("Construction", "Bouwnijverheid", "Construction", "Baugewerbe")},
	{"G", names("Wholesale and retail trade; repair of motor vehicles", "Groot- en detailhandel; reparatie van auto's",
		"Commerce ; réparation d'automobiles et de motocycles", "Handel; Instandhaltung und Reparatur von Kraftfahrzeugen")},
	{"H", names("Transportation and storage", "Vervoer en opslag", "Transports et entreposage", "Verkehr und Lagerei")},
	{"I", names("Accommodation and food service", "Horeca: accommodatie en maaltijden",
		"Hébergement et restauration", "Gastgewerbe")},
	{"J", names("Information and communication", "Informatie en communicatie",
		"Information et communication", "Information und Kommunikation")},
	{"K", names("Financial and insurance activities", "Financiële activiteiten en verzekeringen",
		"Activités financières et d'assurance", "Finanz- und Versicherungsdienstleistungen")},
	{"L", names("Real estate activities", "Exploitatie van en handel in onroerend goed",
		"Activités immobilières", "Grundstücks- und Wohnungswesen")},
	{"M", names("Professional, scientific and technical activities",
		"Vrije beroepen, wetenschappelijke en technische activiteiten",
		"Activités spécialisées, scientifiques et techniques",
		"Freiberufliche, wissenschaftliche und technische Dienstleistungen")},
	{"N", names("Administrative and support services", "Administratieve en ondersteunende diensten",
		"Activités de services administratifs et de soutien", "Sonstige wirtschaftliche Dienstleistungen")},
	{"O", names("Public administration and defence", "Openbaar bestuur en defensie",
		"Administration publique et défense", "Öffentliche Verwaltung, Verteidigung, Sozialversicherung")},
	{"P", names("Education", "Onderwijs", "Enseignement", "Erziehung und Unterricht")},
	{"Q", names("Human health and social work", "Gezondheidszorg en maatschappelijke dienstverlening",
		"Santé humaine et action sociale", "Gesundheits- und Sozialwesen")},
	{"R", names("Arts, entertainment and recreation", "Kunst, amusement en recreatie",
		"Arts, spectacles et activités récréatives", "Kunst, Unterhaltung und Erholung")},
	{"S", names("Other service activities", "Overige diensten", "Autres activités de services", "Sonstige Dienstleistungen")},
	{"T", names("Households as employers", "Huishoudens als werkgever",
		"Ménages en tant qu'employeurs", "Private Haushalte mit Hauspersonal")},
	{"U", names("Extraterritorial organisations and bodies", "Extraterritoriale organisaties en lichamen",
		"Organisations et organismes extraterritoriaux", "Exterritoriale Organisationen und Körperschaften")},
}

func names(en, nl, fr, de string) map[string]string {
	return map[string]string{"en": en, "nl": nl, "fr": fr, "de": de}
}

// SectorName returns the display name of a section letter in lang ("nl",
// or a tag such as "nl-BE"), in English for any other language, and ""
// for an unknown letter.
func SectorName(code, lang string) string {
	i := strings.Index(NACESections, code)
	if len(code) != 1 || i < 0 {
		return ""
	}
	lang = strings.ToLower(strings.TrimSpace(lang))
	if j := strings.IndexAny(lang, "-_"); j >= 0 {
		lang = lang[:j]
	}
	if name, ok := Sectors[i].Names[lang]; ok {
		return name
	}
	return Sectors[i].Names["en"]
}
