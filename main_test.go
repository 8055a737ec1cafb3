package main

import "testing"

func TestQuietLogSettings(t *testing.T) {
	got := quietLogSettings([]string{"HOME=/root", "PATH=/bin", "PLUGIN_PROTOCOL_VERSIONS=6"})
	for _, name := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_CASES"} {
		if got[name] != "off" {
			t.Errorf("%s = %q without TF_LOG, want off", name, got[name])
		}
	}
	// Anyone asking for logs gets the SDK defaults untouched.
	for _, kv := range []string{"TF_LOG=trace", "TF_LOG_PROVIDER=debug", "TF_LOG_PROVIDER_CASES=info", "TF_LOG_SDK_FRAMEWORK=trace", "TF_LOG_PATH=/tmp/tf.log"} {
		if got := quietLogSettings([]string{"HOME=/root", kv}); got != nil {
			t.Errorf("with %s: settings %v, want none", kv, got)
		}
	}
}
