package launcher

import (
	"encoding/base64"
	"fmt"
)

// writeKubeconfig writes a kubeconfig for one user of the test cluster with the CA and
// the client certificate embedded, the way kubectl reads them.
func writeKubeconfig(path, server, contextName, user string, caPEM, certPEM, keyPEM []byte) error {
	b64 := base64.StdEncoding.EncodeToString
	text := fmt.Sprintf(`apiVersion: v1
kind: Config
clusters:
- name: sts-test
  cluster:
    server: %s
    certificate-authority-data: %s
users:
- name: %s
  user:
    client-certificate-data: %s
    client-key-data: %s
contexts:
- name: %s
  context:
    cluster: sts-test
    user: %s
    namespace: default
current-context: %s
`, server, b64(caPEM), user, b64(certPEM), b64(keyPEM), contextName, user, contextName)
	return writeSecret(path, []byte(text))
}
