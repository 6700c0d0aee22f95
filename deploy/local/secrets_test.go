package launcher

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/onward-jobs/onward/pkg/sealed"
)

func TestLoadSecretsGeneratesOnceAndReuses(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	first, err := loadSecrets(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(first[serviceSecretKey]) < 32 {
		t.Errorf("service secret has %d characters, want at least 32", len(first[serviceSecretKey]))
	}
	if _, err := sealed.NewBox(first[keyEncryptionKeyKey]); err != nil {
		t.Errorf("generated key-encryption key is unusable: %v", err)
	}
	info, err := os.Stat(filepath.Join(dir, SecretsFile))
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("%s has mode %o, want 600", SecretsFile, info.Mode().Perm())
	}

	again, err := loadSecrets(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range first {
		if again[k] != v {
			t.Errorf("%s changed between starts", k)
		}
	}
}

func TestLoadSecretsEnvironmentWinsAndStaysOffDisk(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const fromEnv = "secret-from-the-environment-0123456789"
	got, err := loadSecrets(dir, map[string]string{serviceSecretKey: fromEnv})
	if err != nil {
		t.Fatal(err)
	}
	if got[serviceSecretKey] != fromEnv {
		t.Errorf("service secret = %q, want the environment's", got[serviceSecretKey])
	}
	saved, err := readEnvFile(filepath.Join(dir, SecretsFile))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := saved[serviceSecretKey]; ok {
		t.Error("a secret from the environment was written to disk")
	}
	if saved[keyEncryptionKeyKey] != got[keyEncryptionKeyKey] {
		t.Error("the generated key-encryption key was not saved")
	}
}

func TestReadEnvFileRejectsGarbage(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), SecretsFile)
	if err := os.WriteFile(path, []byte("# comment\n\nA=1\nnot a pair\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := readEnvFile(path); err == nil {
		t.Fatal("readEnvFile accepted a line without '='")
	}
}
