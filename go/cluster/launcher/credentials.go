package launcher

import (
	"fmt"
	"os"
	"path/filepath"
)

type credentialFiles struct {
	caCert, serverCert, serverKey, saPrivate, saPublic      string
	adminKubeconfig, controllerKubeconfig, readerKubeconfig string
}

// writeCredentials makes the CA, the serving certificate and three users: admin
// (system:masters, for the test's own writes and the kubelet), the controller manager
// (its own RBAC user, bound by the API server's bootstrap policy) and the read-only reader.
func writeCredentials(dir string, apiPort int) (*credentialFiles, error) {
	ca, err := newAuthority()
	if err != nil {
		return nil, err
	}
	f := &credentialFiles{
		caCert:     filepath.Join(dir, "ca.crt"),
		serverCert: filepath.Join(dir, "apiserver.crt"),
		serverKey:  filepath.Join(dir, "apiserver.key"),
	}
	if err := os.WriteFile(f.caCert, ca.certPEM(), 0o644); err != nil {
		return nil, err
	}
	cert, key, err := ca.issue("kube-apiserver", nil, true)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(f.serverCert, cert, 0o644); err != nil {
		return nil, err
	}
	if err := writeSecret(f.serverKey, key); err != nil {
		return nil, err
	}
	if f.saPrivate, f.saPublic, err = serviceAccountKey(dir); err != nil {
		return nil, err
	}
	server := fmt.Sprintf("https://127.0.0.1:%d", apiPort)
	users := []struct {
		file, context, name string
		groups              []string
		into                *string
	}{
		{"admin.kubeconfig", "sts-test-admin", "sts-admin", []string{"system:masters"}, &f.adminKubeconfig},
		{"controller-manager.kubeconfig", "sts-test-controller-manager", "system:kube-controller-manager", nil, &f.controllerKubeconfig},
		{"reader.kubeconfig", "sts-test", ReaderUser, nil, &f.readerKubeconfig},
	}
	for _, u := range users {
		cert, key, err := ca.issue(u.name, u.groups, false)
		if err != nil {
			return nil, err
		}
		*u.into = filepath.Join(dir, u.file)
		if err := writeKubeconfig(*u.into, server, u.context, u.name, ca.certPEM(), cert, key); err != nil {
			return nil, err
		}
	}
	return f, nil
}
