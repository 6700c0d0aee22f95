package geo

import "math"

// earthRadiusKm is the IUGG mean Earth radius, the usual choice when one
// sphere stands in for the ellipsoid; the error stays under 0.5 %.
const earthRadiusKm = 6371.0088

// DistanceKm returns the great-circle distance in kilometres between two
// points given in degrees, by the haversine formula, which stays accurate
// for the short distances a commute filter cares about.
func DistanceKm(aLat, aLon, bLat, bLon float64) float64 {
	const rad = math.Pi / 180
	dLat := (bLat - aLat) * rad
	dLon := (bLon - aLon) * rad
	sinLat := math.Sin(dLat / 2)
	sinLon := math.Sin(dLon / 2)
	h := sinLat*sinLat + math.Cos(aLat*rad)*math.Cos(bLat*rad)*sinLon*sinLon
	// Rounding can push h a hair above 1 for antipodal points.
	return 2 * earthRadiusKm * math.Asin(math.Sqrt(math.Min(h, 1)))
}

// DistanceKm returns the great-circle distance in kilometres from p to q.
func (p Place) DistanceKm(q Place) float64 {
	return DistanceKm(p.Lat, p.Lon, q.Lat, q.Lon)
}
