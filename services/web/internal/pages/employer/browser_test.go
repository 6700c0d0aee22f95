package employer_test

// browserPassword is the password of the people the browser tests sign
// up: long enough for the gateway's strength check.
const browserPassword = "amber-meadow-lantern-93"
