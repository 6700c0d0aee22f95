package service

import (
	"context"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/notifications/internal/domain"
)

// Deliveries lists recent deliveries for administrators: all of them for a
// platform administrator, their organisation's members' for an org_admin.
// Addresses and content are never part of it.
func (s *Service) Deliveries(ctx context.Context, p auth.Principal, status domain.Status, page mongox.PageRequest) ([]domain.Delivery, string, error) {
	org, err := orgScope(p)
	if err != nil {
		return nil, "", err
	}
	if status != "" && !domain.ValidStatus(status) {
		return nil, "", errs.Invalid("status", "must be queued, sending, sent or failed")
	}
	list, next, err := s.d.Deliveries.ListDeliveries(ctx, domain.DeliveryFilter{OrgID: org, Status: status}, page)
	for i := range list {
		list[i].Address, list[i].Params = "", nil
	}
	return list, next, err
}
