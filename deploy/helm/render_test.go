package helm_test

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"helm.sh/helm/v4/pkg/chart/common"
	"helm.sh/helm/v4/pkg/chart/common/util"
	"helm.sh/helm/v4/pkg/chart/v2/lint"
	"helm.sh/helm/v4/pkg/chart/v2/loader"
	"helm.sh/helm/v4/pkg/engine"
	releaseutil "helm.sh/helm/v4/pkg/release/v1/util"
)

// chartDir is the chart under test.
const chartDir = "onward"

// releaseName and releaseNamespace are what an operator would install as.
const (
	releaseName      = "onward"
	releaseNamespace = "onward"
)

// valueSets are the installations the test renders: the chart's defaults and
// the two files in testdata. An empty path means the defaults alone.
var valueSets = map[string]string{
	"defaults": "",
	"ha":       "testdata/values-ha.yaml",
	"external": "testdata/values-external.yaml",
}

// readValues reads a value set's overrides (none for the defaults).
func readValues(t *testing.T, path string) map[string]any {
	t.Helper()
	if path == "" {
		return map[string]any{}
	}
	vals, err := common.ReadValuesFile(path)
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	return vals.AsMap()
}

// lintMessages runs `helm lint` through the SDK with the given overrides and
// returns every message it has, whatever the severity.
func lintMessages(t *testing.T, overrides map[string]any) []string {
	t.Helper()
	linter := lint.RunAll(chartDir, overrides, releaseNamespace)
	var messages []string
	for _, m := range linter.Messages {
		messages = append(messages, m.Error())
	}
	return messages
}

// renderManifests renders the chart with the overrides as `helm install`
// would, and returns the YAML documents of every template, in a stable order.
func renderManifests(t *testing.T, overrides map[string]any) ([]manifest, error) {
	t.Helper()
	chrt, err := loader.Load(chartDir)
	if err != nil {
		t.Fatalf("loading the chart: %v", err)
	}
	options := common.ReleaseOptions{Name: releaseName, Namespace: releaseNamespace, Revision: 1, IsInstall: true}
	values, err := util.ToRenderValues(chrt, overrides, options, common.DefaultCapabilities.Copy())
	if err != nil {
		return nil, err
	}
	rendered, err := engine.Render(chrt, values)
	if err != nil {
		return nil, err
	}
	return splitRendered(rendered), nil
}

// manifest is one rendered YAML document and the template it came from.
type manifest struct {
	template string
	yaml     string
}

// splitRendered splits each rendered template into its documents, skipping
// NOTES.txt and templates that rendered to nothing.
func splitRendered(rendered map[string]string) []manifest {
	names := make([]string, 0, len(rendered))
	for name := range rendered {
		if filepath.Ext(name) == ".yaml" {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	var out []manifest
	for _, name := range names {
		docs := releaseutil.SplitManifests(rendered[name])
		keys := make([]string, 0, len(docs))
		for key := range docs {
			keys = append(keys, key)
		}
		sort.Sort(releaseutil.BySplitManifestsOrder(keys))
		for _, key := range keys {
			if onlyComments(docs[key]) {
				continue
			}
			out = append(out, manifest{template: name, yaml: docs[key]})
		}
	}
	return out
}

// onlyComments reports whether a document holds nothing but comments and blanks.
func onlyComments(doc string) bool {
	for _, line := range strings.Split(doc, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			return false
		}
	}
	return true
}
