package engine

import "math"

// earthRadiusKm is the mean Earth radius, as in pkg/geo.
const earthRadiusKm = 6371.0088

// degToRad converts degrees to radians in float32.
const degToRad = float32(math.Pi / 180)

// distanceKm is the one distance function of matching: an equirectangular
// approximation in float32, accurate to well under 1 % at the distances a
// commute or a return region covers. The fast path and the reference both
// call it, with coordinates converted to float32 the same way, so they
// agree to the last bit. Every product is rounded by an explicit
// conversion so that no compiler may fuse it into a multiply-add.
func distanceKm(aLat, aLon, bLat, bLon float32) float32 {
	meanLat := float32(float32(aLat+bLat) * float32(0.5*degToRad))
	x := float32(float32((bLon-aLon)*degToRad) * cos32(meanLat))
	y := float32((bLat - aLat) * degToRad)
	return float32(earthRadiusKm * float32(math.Sqrt(float64(float32(x*x)+float32(y*y)))))
}

// cos32 is the cosine in float32.
func cos32(rad float32) float32 { return float32(math.Cos(float64(rad))) }

// point32 is a position in float32 degrees, the precision matching uses.
type point32 struct{ lat, lon float32 }

// toPoint32 converts a position to the precision matching uses.
func toPoint32(p Point) point32 { return point32{float32(p.Lat), float32(p.Lon)} }
