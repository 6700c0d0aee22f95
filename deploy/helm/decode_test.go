package helm_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/yaml"
)

// objects are the rendered objects of one installation, decoded by kind.
type objects struct {
	deployments     []appsv1.Deployment
	services        []corev1.Service
	autoscalers     []autoscalingv2.HorizontalPodAutoscaler
	budgets         []policyv1.PodDisruptionBudget
	policies        []networkingv1.NetworkPolicy
	ingresses       []networkingv1.Ingress
	secrets         []corev1.Secret
	serviceMonitors []serviceMonitor
}

// serviceMonitor is the part of the Prometheus Operator's ServiceMonitor the
// chart writes. k8s.io/api has no type for it, so this one stands in: strict
// decoding into it still refuses a misspelt or misplaced field.
type serviceMonitor struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              struct {
		Selector          metav1.LabelSelector `json:"selector"`
		NamespaceSelector struct {
			Any        bool     `json:"any,omitempty"`
			MatchNames []string `json:"matchNames,omitempty"`
		} `json:"namespaceSelector"`
		Endpoints []struct {
			Port          string `json:"port"`
			Path          string `json:"path"`
			Interval      string `json:"interval"`
			ScrapeTimeout string `json:"scrapeTimeout"`
		} `json:"endpoints"`
	} `json:"spec"`
}

// apiVersions names the one apiVersion the chart may use for each kind it
// renders; any other kind fails the test.
var apiVersions = map[string]string{
	"Deployment":              "apps/v1",
	"Service":                 "v1",
	"HorizontalPodAutoscaler": "autoscaling/v2",
	"PodDisruptionBudget":     "policy/v1",
	"NetworkPolicy":           "networking.k8s.io/v1",
	"Ingress":                 "networking.k8s.io/v1",
	"Secret":                  "v1",
	"ServiceMonitor":          "monitoring.coreos.com/v1",
}

// decodeAll decodes every manifest strictly into its kind's type.
func decodeAll(manifests []manifest) (objects, error) {
	var out objects
	for _, m := range manifests {
		if err := out.add(m); err != nil {
			return out, fmt.Errorf("%s: %w\n%s", m.template, err, m.yaml)
		}
	}
	return out, nil
}

// add decodes one manifest and files it under its kind.
func (o *objects) add(m manifest) error {
	raw, err := yaml.YAMLToJSONStrict([]byte(m.yaml))
	if err != nil {
		return fmt.Errorf("not YAML: %w", err)
	}
	var meta metav1.TypeMeta
	if err := json.Unmarshal(raw, &meta); err != nil {
		return err
	}
	want, known := apiVersions[meta.Kind]
	if !known {
		return fmt.Errorf("kind %q is not one the chart may render", meta.Kind)
	}
	if meta.APIVersion != want {
		return fmt.Errorf("%s has apiVersion %q, want %q", meta.Kind, meta.APIVersion, want)
	}
	switch meta.Kind {
	case "Deployment":
		return decodeInto(raw, &o.deployments)
	case "Service":
		return decodeInto(raw, &o.services)
	case "HorizontalPodAutoscaler":
		return decodeInto(raw, &o.autoscalers)
	case "PodDisruptionBudget":
		return decodeInto(raw, &o.budgets)
	case "NetworkPolicy":
		return decodeInto(raw, &o.policies)
	case "Ingress":
		return decodeInto(raw, &o.ingresses)
	case "Secret":
		return decodeInto(raw, &o.secrets)
	default:
		return decodeInto(raw, &o.serviceMonitors)
	}
}

// decodeInto decodes one JSON object into a new element of list, refusing
// unknown fields and anything after the object.
func decodeInto[T any](raw []byte, list *[]T) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var item T
	if err := dec.Decode(&item); err != nil {
		return fmt.Errorf("strict decoding: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("strict decoding: data after the object")
	}
	*list = append(*list, item)
	return nil
}
