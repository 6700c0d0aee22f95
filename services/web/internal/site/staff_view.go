package site

import "strings"

// StaffField describes one text field of a staff form for the
// "staff-input" template: its label is the message "StaffField_<name>",
// hintID names an optional hint.
func (v *view) StaffField(name, typ, autocomplete, hintID string) fieldData {
	f := fieldData{
		ID: name, Name: name, Type: typ, Auto: autocomplete, Label: v.T("StaffField_" + name),
		Error: v.Err(name), Value: v.Val(name), ErrorPrefix: v.T("ErrorPrefix"),
	}
	var describedBy []string
	if hintID != "" {
		f.Hint = v.T(hintID)
		describedBy = append(describedBy, name+"-hint")
	}
	if f.Error != "" {
		describedBy = append(describedBy, name+"-error")
	}
	f.DescribedBy = strings.Join(describedBy, " ")
	return f
}
