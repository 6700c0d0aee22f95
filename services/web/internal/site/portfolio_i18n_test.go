package site

import "testing"

// TestPortfolioBuiltMessagesExist checks the portfolio messages whose ids
// the code builds from a value, in every language.
func TestPortfolioBuiltMessagesExist(t *testing.T) {
	// Messages the code builds from a prefix and a value.
	var built []string
	for id := range portfolioNoticeMessages {
		built = append(built, id)
	}
	for _, a := range auditActions {
		built = append(built, "PortfolioAction_"+a)
	}
	for _, p := range auditPurposes {
		built = append(built, "PortfolioPurpose_"+p)
	}
	requireMessages(t, "portfolio.", built)
}
