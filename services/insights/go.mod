module github.com/onward-jobs/onward/services/insights

go 1.26.8
