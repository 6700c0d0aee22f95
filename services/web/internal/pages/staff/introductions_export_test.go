package staff

// IntroductionsMessageIDs are the introductions. family's ids that the
// requests, placements and follow-ups pages build from a vocabulary, which
// the scan of literal ids cannot see.
func IntroductionsMessageIDs() []string {
	ids := []string{"StaffField_start_date", "StaffField_hours_per_week", "StaffField_ended_on"}
	for prefix, values := range map[string][]string{
		"StaffIntroDecline_": declineReasons, "StaffIntroContact_": contactRoutes, "StaffIntroContactWill_": contactRoutes,
		"StaffIntroOutcome_": outcomeKinds, "StaffIntroNotHired_": notHiredReasons, "StaffPlacementContract_": placementContracts,
		"StaffIntroMeeting_": meetingModes, "StaffIntroStatus_": introStatuses, "StaffPlacementEnd_": endReasons,
		"StaffIntroClosed_": {"declined", "expired", "withdrawn"}, "StaffIntroField_": {"name", "phone", "email"},
	} {
		for _, v := range values {
			ids = append(ids, prefix+v)
		}
	}
	return ids
}
