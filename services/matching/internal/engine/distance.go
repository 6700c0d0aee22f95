package engine

import "math"

// earthRadiusKm is the mean Earth radius, as in pkg/geo.
const earthRadiusKm = 6371.0088

// degToRad converts degrees to radians in float32.
const degToRad = float32(math.Pi / 180)

// site is a role's place with the cosine of its latitude worked out once,
// so that measuring a hundred thousand candidates costs no trigonometry.
type site struct {
	lat, lon, cos float32
}

// newSite prepares p for distance measurements.
func newSite(p point32) site {
	return site{p.lat, p.lon, float32(math.Cos(float64(float32(p.lat * degToRad))))}
}

// distanceKm is the one distance function of matching: an equirectangular
// approximation in float32 around the site's latitude, accurate to well
// under 1 % at the distances a commute or a return region covers. The fast
// path and the reference both call it, with coordinates converted to
// float32 the same way, so they agree to the last bit. Every product is
// rounded by an explicit conversion so no compiler may fuse it into a
// multiply-add.
func (s *site) distanceKm(lat, lon float32) float32 {
	x := float32(float32((lon-s.lon)*degToRad) * s.cos)
	y := float32((lat - s.lat) * degToRad)
	return float32(earthRadiusKm * float32(math.Sqrt(float64(float32(x*x)+float32(y*y)))))
}

// point32 is a position in float32 degrees, the precision matching uses.
type point32 struct{ lat, lon float32 }

// toPoint32 converts a position to the precision matching uses.
func toPoint32(p Point) point32 { return point32{float32(p.Lat), float32(p.Lon)} }
