// Package helm holds the Onward Helm chart (in onward/) and the test that
// lints it with Helm's SDK, renders it for several value sets, decodes every
// object strictly into the Kubernetes API types and checks the rules an
// operator relies on: probes, limits, hardened containers, pinned images,
// autoscalers, disruption budgets, network policies and one public entry.
package helm
