package skills

// Hooks for the external tests in package skills_test, which need the
// importer and so cannot live inside package skills.
var (
	Normalize    = normalize
	OneEditApart = oneEditApart
)
