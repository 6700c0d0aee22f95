package geo

import "strings"

// regionNames are the names of the first-level divisions (GeoNames'
// admin1 codes, as Place.Region holds them) of the countries Onward serves
// first, in each country's own language. The data the gazetteer comes
// from carries the codes only, so the names are kept here; a test checks
// that every code of these countries in the embedded data has one.
var regionNames = map[string]string{
	"BE.BRU": "Brussel / Bruxelles", "BE.VLG": "Vlaanderen", "BE.WAL": "Wallonie",
	"NL.01": "Drenthe", "NL.02": "Fryslân", "NL.03": "Gelderland", "NL.04": "Groningen", "NL.05": "Limburg",
	"NL.06": "Noord-Brabant", "NL.07": "Noord-Holland", "NL.09": "Utrecht", "NL.10": "Zeeland", "NL.11": "Zuid-Holland",
	"NL.15": "Overijssel", "NL.16": "Flevoland",
	"DE.01": "Baden-Württemberg", "DE.02": "Bayern", "DE.03": "Bremen", "DE.04": "Hamburg", "DE.05": "Hessen",
	"DE.06": "Niedersachsen", "DE.07": "Nordrhein-Westfalen", "DE.08": "Rheinland-Pfalz", "DE.09": "Saarland",
	"DE.10": "Schleswig-Holstein", "DE.11": "Brandenburg", "DE.12": "Mecklenburg-Vorpommern", "DE.13": "Sachsen",
	"DE.14": "Sachsen-Anhalt", "DE.15": "Thüringen", "DE.16": "Berlin",
	"FR.11": "Île-de-France", "FR.24": "Centre-Val de Loire", "FR.27": "Bourgogne-Franche-Comté", "FR.28": "Normandie",
	"FR.32": "Hauts-de-France", "FR.44": "Grand Est", "FR.52": "Pays de la Loire", "FR.53": "Bretagne",
	"FR.75": "Nouvelle-Aquitaine", "FR.76": "Occitanie", "FR.84": "Auvergne-Rhône-Alpes",
	"FR.93": "Provence-Alpes-Côte d'Azur", "FR.94": "Corse",
	"LU.CA": "Capellen", "LU.CL": "Clervaux", "LU.DI": "Diekirch", "LU.EC": "Echternach", "LU.ES": "Esch-sur-Alzette",
	"LU.GR": "Grevenmacher", "LU.LU": "Luxembourg", "LU.ME": "Mersch", "LU.RD": "Redange", "LU.RM": "Remich",
	"LU.VD": "Vianden", "LU.WI": "Wiltz",
}

// NamedRegionCountries are the countries whose regions RegionName knows.
var NamedRegionCountries = []string{"BE", "DE", "FR", "LU", "NL"}

// RegionName returns the name of a region written "country.code" (BE.VLG)
// and true, or "" and false for a region it does not know.
func RegionName(region string) (string, bool) {
	country, code, found := strings.Cut(region, ".")
	if !found {
		return "", false
	}
	name, ok := regionNames[strings.ToUpper(country)+"."+code]
	return name, ok
}
