{{/*
Helpers of the Onward chart. Each per-service helper takes a dict with
"root" (the top context) and "name" (the service's key in .Values.services).
*/}}

{{/* The release-wide name prefix of every object, at most 63 characters. */}}
{{- define "onward.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The chart label: name and version. */}}
{{- define "onward.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The name of one service's objects (and its DNS name in the namespace). */}}
{{- define "onward.serviceName" -}}
{{- printf "%s-%s" (include "onward.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels every pod of the release carries: what the deny-all policy selects. */}}
{{- define "onward.releaseSelectorLabels" -}}
app.kubernetes.io/part-of: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels that select one service's pods. */}}
{{- define "onward.selectorLabels" -}}
{{ include "onward.releaseSelectorLabels" .root }}
app.kubernetes.io/name: {{ .name }}
{{- end -}}

{{/* Labels of every object of one service. */}}
{{- define "onward.labels" -}}
{{ include "onward.selectorLabels" . }}
app.kubernetes.io/component: {{ .name }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ include "onward.chart" .root }}
{{- end -}}

{{/* Labels of the release-wide objects (deny-all, egress, Ingress, ServiceMonitor). */}}
{{- define "onward.releaseLabels" -}}
{{ include "onward.releaseSelectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ include "onward.chart" . }}
{{- end -}}

{{/*
A service's settings: serviceDefaults overridden by its own block, as YAML
(read back with fromYaml).
*/}}
{{- define "onward.settings" -}}
{{- $own := index .root.Values.services .name -}}
{{- mergeOverwrite (deepCopy .root.Values.serviceDefaults) (deepCopy $own) | toYaml -}}
{{- end -}}

{{/* The image of one service; a "latest" or empty tag stops the render. */}}
{{- define "onward.image" -}}
{{- $tag := .root.Values.image.tag | default .root.Chart.AppVersion | toString -}}
{{- if or (eq $tag "latest") (eq $tag "") -}}
{{- fail "image.tag must name a release: \"latest\" and an empty tag are refused" -}}
{{- end -}}
{{- printf "%s%s%s:%s" .root.Values.image.registry .root.Values.image.repositoryPrefix .name $tag -}}
{{- end -}}

{{/* The URL people open: publicURL, or https://<ingress.host>. */}}
{{- define "onward.publicURL" -}}
{{- if .Values.publicURL -}}
{{- .Values.publicURL -}}
{{- else -}}
{{- printf "https://%s" (required "ingress.host or publicURL must be set" .Values.ingress.host) -}}
{{- end -}}
{{- end -}}

{{/* The services that call one service, as a JSON list (read back with fromJsonArray). */}}
{{- define "onward.callers" -}}
{{- $callers := list -}}
{{- range $caller, $svc := .root.Values.services -}}
{{- if has $.name ($svc.calls | default list) -}}
{{- $callers = append $callers $caller -}}
{{- end -}}
{{- end -}}
{{- toJson $callers -}}
{{- end -}}

{{/*
A NetworkPolicy peer in another namespace, from {namespace, namespaceLabels,
podLabels}: the namespace by its labels if given, else by its name.
*/}}
{{- define "onward.namespacePeer" -}}
- namespaceSelector:
    matchLabels:
      {{- if .namespaceLabels }}
      {{- toYaml .namespaceLabels | nindent 6 }}
      {{- else }}
      kubernetes.io/metadata.name: {{ required "a namespace or namespaceLabels must be set for each NetworkPolicy peer" .namespace }}
      {{- end }}
  {{- with .podLabels }}
  podSelector:
    matchLabels:
      {{- toYaml . | nindent 6 }}
  {{- end }}
{{- end -}}
