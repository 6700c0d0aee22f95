module github.com/onward-jobs/onward/services/candidates

go 1.26.8

require github.com/onward-jobs/onward/pkg v0.0.0

replace github.com/onward-jobs/onward/pkg => ../../pkg
