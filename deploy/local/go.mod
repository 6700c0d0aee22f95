module github.com/onward-jobs/onward/deploy/local

go 1.26.8

require (
	github.com/onward-jobs/onward/pkg v0.0.0
	github.com/onward-jobs/onward/services/candidates v0.0.0
	github.com/onward-jobs/onward/services/employers v0.0.0
	github.com/onward-jobs/onward/services/gateway v0.0.0
	github.com/onward-jobs/onward/services/matching v0.0.0
)

replace github.com/onward-jobs/onward/pkg => ../../pkg

replace github.com/onward-jobs/onward/services/gateway => ../../services/gateway

replace github.com/onward-jobs/onward/services/employers => ../../services/employers

replace github.com/onward-jobs/onward/services/candidates => ../../services/candidates

replace github.com/onward-jobs/onward/services/matching => ../../services/matching
