package app

import (
	"fmt"
	"log/slog"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/services/candidates/internal/adapters/placements"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// newPlacements returns the client of the placements service, or nil when
// PLACEMENTS_URL is not set: exports then say the placements record is not
// available.
func newPlacements(cfg Config, logger *slog.Logger) (service.PlacementsRecords, error) {
	if cfg.PlacementsURL == "" {
		logger.Warn("PLACEMENTS_URL is not set: candidate exports will not include the placements record")
		return nil, nil
	}
	tokens, err := auth.NewServiceTokenSource(auth.ServiceTokenConfig{GatewayURL: cfg.GatewayURL, ServiceName: Name, Secret: cfg.ServiceSecret})
	if err != nil {
		return nil, fmt.Errorf("service tokens: %w", err)
	}
	return placements.New(cfg.PlacementsURL, tokens, nil, cfg.PlacementsTimeout)
}
