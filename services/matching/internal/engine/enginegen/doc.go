// Package enginegen generates seeded, realistic candidates and roles for the
// matching engine's exactness check and benchmarks. The same seed always
// gives the same data, and entity i depends only on the seed and i, so the
// first n of a million candidates are the same n a small test asks for.
//
// # The model
//
// Everything is built from the real taxonomy (skills.Default) and the real
// gazetteer (geo.Default).
//
// Places. Six countries where the detention-house movement works: BE, NL,
// LU, DE, FR and NO. A place is drawn in proportion to its GeoNames
// population across all of them, so Germany and France hold most people
// and roles, Belgium about a twentieth, and within a country Brussels,
// Antwerpen or Berlin far more than villages. The gazetteer has no way to
// list its places, so New collects each country's places through Suggest
// with every two-letter prefix (up to 100 per prefix, the most populous
// first); that keeps every place of any size and drops only hamlets.
//
// Occupations. Popularity follows a Zipf law (weight 1/rank for candidates,
// 1/rank^0.9 for roles) over a fixed ranking: the trades work programmes
// run most (kitchen, warehouse, cleaning, green spaces …) first, then the
// rest by id. Skills inherit the skew: skills many occupations share, such
// as food hygiene or punctuality, are held by far more people than a
// bookbinder's.
//
// Candidates. 45 % live in a house (1,000 houses drawn like places, each
// run by one of 334 organisations); the rest are released or on probation.
// A housed candidate has a release date within two years of today (10 %
// unknown) and usually day release (95 % in a transition house, 50 % in a
// detention house) from a date between six months ago and a year ahead, on
// weekdays (mostly Monday to Friday), inside a window opening 06:00–09:30
// and closing 15:00–20:00, within a commute of 5–60 km of the house. Every
// candidate has a return region (the home of a released one): a place in the
// house's country (85 %) with a radius of 10–100 km. Skills: the essential
// skills of a primary occupation (each 85 %), its optional ones (40 %), half
// of a secondary occupation's essential skills (35 % have one), one to three
// transversal skills and sometimes one rare skill; hours per skill come from
// programme hours (an exponential with a mean of 400, 20–2,000) and set the
// level (1 below 150 h, 2 below 500 h, 3 below 1,200 h, else 4, with a third
// moved one level either way); skills with 80 hours or more are attested at
// 55 %, others at 20 %. Certificates are the certificate skills held, by
// their English label. Languages: the mother tongue of the place (Dutch
// north of 50.75° in Belgium, French south of it), or for 20 % a migrant
// language with the local one at A2–C1; English for 45 %, and the other
// national language for a quarter of Belgians. 4 % have excluded sectors
// (P, Q, P and Q, or O).
//
// Roles. Each is one occupation: two to six of its essential skills (at its
// level, one higher for a fifth) and up to five optional ones; a site drawn
// like places (remote for 30 % of office roles and never for others: no one
// roasts coffee from home); 55 % a days-and-hours schedule, 30 % shifts
// (early 06–14, late 14–22, day 09–17:30), 15 % none; 30 % start as soon
// as possible, the rest within a year; 40 % accept day release; the
// occupation's NACE sector for 80 %, a host sector (Q, P, O, I, N) for the
// rest; the local language at A2–B2 for 65 %, English at B1 for 15 %.
package enginegen
