package http

import (
	"time"

	"github.com/onward-jobs/onward/services/candidates/internal/credentials"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

type issuedCredentialResponse struct {
	ID         string                 `json:"id"`
	JWT        string                 `json:"jwt"`
	Credential credentials.Credential `json:"credential"`
}

type verifyCredentialRequest struct {
	Credential string `json:"credential"`
}

type credentialVerificationResponse struct {
	Valid      bool               `json:"valid"`
	Status     string             `json:"status"`
	Reason     string             `json:"reason"`
	Credential *vouchedCredential `json:"credential,omitempty"`
}

type vouchedCredential struct {
	ID        string     `json:"id"`
	Skill     string     `json:"skill"`
	ESCOURI   string     `json:"esco_uri,omitempty"`
	Level     int        `json:"level"`
	Hours     int        `json:"hours"`
	Date      string     `json:"date"`
	Issuer    string     `json:"issuer,omitempty"`
	RevokedAt *time.Time `json:"revoked_at,omitempty"`
}

func toCredentialVerification(v service.CredentialVerdict) credentialVerificationResponse {
	out := credentialVerificationResponse{Valid: v.Status == service.CredentialValid, Status: string(v.Status), Reason: v.Reason}
	if w := v.Vouches; w != nil {
		out.Credential = &vouchedCredential{ID: w.ID, Skill: w.Stated.Skill, ESCOURI: w.Stated.ESCOURI, Level: w.Stated.Level,
			Hours: w.Stated.Hours, Date: w.Stated.Date, Issuer: w.Issuer}
		if !w.RevokedAt.IsZero() {
			at := w.RevokedAt.UTC()
			out.Credential.RevokedAt = &at
		}
	}
	return out
}
