package me_test

import (
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/pages/me"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// TestMeBuiltMessagesExist checks the messages whose ids the pages build
// from a value (a page, a status, a flag, a decision) in every language.
func TestMeBuiltMessagesExist(t *testing.T) {
	var ids []string
	for _, page := range []string{"skills", "jobs", "requests", "consent", "statement", "credentials", "data", "audit"} {
		ids = append(ids, "MeNav_"+page, "MeNavLine_"+page)
	}
	for _, status := range []string{"pending", "approved", "rejected"} {
		ids = append(ids, "MeStatementStatus_"+status, "MeStatementStatusBody_"+status)
	}
	for _, kind := range []string{"name", "place", "digits"} {
		ids = append(ids, "MeStatementFlag_"+kind)
	}
	ids = append(ids, "MeNoticeConsent_give", "MeNoticeConsent_withdraw", "MeJoinGoneTitle", "MeJoinGoneBody", "MeCredentialRevokedTitle", "MeCredentialRevokedBody")
	webtest.RequireMessages(t, me.Locales, "me.", ids)
}
