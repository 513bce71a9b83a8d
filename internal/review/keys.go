package review

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
)

// ParseKey reads one public key as written in pamphlet.yaml, in the
// authorized_keys form "ssh-ed25519 AAAA... comment".
func ParseKey(s string) (ssh.PublicKey, error) {
	pub, _, _, rest, err := ssh.ParseAuthorizedKey([]byte(s))
	if err != nil {
		return nil, fmt.Errorf("%q is not an SSH public key; copy the whole line of the .pub file, such as ssh-ed25519 AAAA... name@example.org", abbreviate(s))
	}
	if len(bytes.TrimSpace(rest)) != 0 {
		return nil, errors.New("write one SSH public key per list item")
	}
	if pub.Type() == ssh.KeyAlgoDSA { //nolint:staticcheck // named to refuse it
		return nil, errors.New("DSA (ssh-dss) keys sign with SHA-1 and are not accepted; register an Ed25519, ECDSA or RSA key")
	}
	return pub, nil
}

func abbreviate(s string) string {
	if len(s) > 40 {
		return s[:37] + "..."
	}
	return s
}

// SameKey reports whether two public keys are the same key.
func SameKey(a, b ssh.PublicKey) bool { return bytes.Equal(a.Marshal(), b.Marshal()) }

// LoadSigner returns a signer for the key in the file at path: an OpenSSH
// private key file (ed25519, ECDSA or RSA) without a passphrase signs
// itself; for a passphrase-protected key, or a public key (.pub) file, the
// ssh-agent at agentSocket ($SSH_AUTH_SOCK) signs when it holds the key.
// Close releases the agent connection.
func LoadSigner(path, agentSocket string) (signer ssh.Signer, closeFn func(), err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	var want ssh.PublicKey
	if pub, _, _, _, err := ssh.ParseAuthorizedKey(data); err == nil {
		want = pub
	} else {
		s, err := ssh.ParsePrivateKey(data)
		var missing *ssh.PassphraseMissingError
		switch {
		case err == nil:
			return s, func() {}, nil
		case errors.As(err, &missing) && missing.PublicKey != nil:
			want = missing.PublicKey
		case errors.As(err, &missing):
			return nil, nil, fmt.Errorf("%s is protected by a passphrase; add it to ssh-agent with ssh-add %s, then use -key %s.pub", path, path, path)
		default:
			return nil, nil, fmt.Errorf("%s is not an OpenSSH private or public key file: %w", path, err)
		}
	}
	signer, closeFn, err = AgentSigner(agentSocket, want)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return signer, closeFn, nil
}

// AgentSigner returns the ssh-agent's signer for the first of the keys it
// holds, in the order given.
func AgentSigner(agentSocket string, keys ...ssh.PublicKey) (ssh.Signer, func(), error) {
	if len(keys) == 0 {
		return nil, nil, errors.New("no key to look for in ssh-agent")
	}
	if agentSocket == "" {
		return nil, nil, errors.New("the key is not readable without a passphrase and no ssh-agent is running (SSH_AUTH_SOCK is not set); start one and add the key with ssh-add")
	}
	conn, err := net.Dial("unix", agentSocket)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot reach ssh-agent: %w", err)
	}
	signers, err := agent.NewClient(conn).Signers()
	if err != nil {
		conn.Close()
		return nil, nil, fmt.Errorf("asking ssh-agent for its keys: %w", err)
	}
	for _, k := range keys {
		for _, s := range signers {
			if SameKey(s.PublicKey(), k) {
				return s, func() { conn.Close() }, nil
			}
		}
	}
	conn.Close()
	return nil, nil, fmt.Errorf("ssh-agent does not hold the key %s; add it with ssh-add", ssh.FingerprintSHA256(keys[0]))
}
