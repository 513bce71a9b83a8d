package review

import (
	"bytes"
	"crypto/dsa"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/pem"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"

	"github.com/pamphlet-health/pamphlet/internal/content"
)

var message = []byte("pamphlet-review v1\nfile: content/articles/a.md\nfingerprint: sha256:00\nreviewer: ada-okafor\ndate: 2026-11-03\nnext: 2027-11-03\n")

func testKeys(t *testing.T) map[string]any {
	t.Helper()
	_, edKey, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	return map[string]any{"ed25519": edKey, "ecdsa": ecKey, "rsa": rsaKey}
}

func TestSignVerify(t *testing.T) {
	for name, key := range testKeys(t) {
		t.Run(name, func(t *testing.T) {
			signer, err := ssh.NewSignerFromKey(key)
			if err != nil {
				t.Fatal(err)
			}
			sig, err := Sign(signer, Namespace, message)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(sig, armorBegin+"\n") || !strings.HasSuffix(sig, armorEnd+"\n") {
				t.Errorf("signature is not armored:\n%s", sig)
			}
			pub, err := Verify(sig, Namespace, message)
			if err != nil {
				t.Fatalf("Verify: %v", err)
			}
			if !SameKey(pub, signer.PublicKey()) {
				t.Error("Verify returned another key")
			}
			if _, err := Verify(sig, Namespace, append(bytes.Clone(message), 'x')); err == nil {
				t.Error("a signature verified over changed text")
			}
			if _, err := Verify(sig, "git", message); err == nil {
				t.Error("a signature verified in another namespace")
			}
			lines := strings.Split(sig, "\n")
			mid := []byte(lines[2])
			mid[10] ^= 1
			lines[2] = string(mid)
			if _, err := Verify(strings.Join(lines, "\n"), Namespace, message); err == nil {
				t.Error("an altered signature verified")
			}
			crlf := strings.ReplaceAll(sig, "\n", "\r\n")
			if _, err := Verify("  "+crlf, Namespace, message); err != nil {
				t.Errorf("a signature with CRLF line endings and spaces does not verify: %v", err)
			}
		})
	}
}

func TestVerifyRejects(t *testing.T) {
	for _, bad := range []string{"", "hello", armorBegin + "\n!!!\n" + armorEnd, armorBegin + "\nAAAA\n" + armorEnd,
		"-----BEGIN SSH SIGNATURE-----END SSH SIGNATURE-----", armorBegin[:len(armorBegin)-5] + armorEnd} {
		if _, err := Verify(bad, Namespace, message); err == nil {
			t.Errorf("Verify(%q) succeeded", bad)
		}
	}
}

// sshKeygen returns the path of ssh-keygen, skipping the test without it.
func sshKeygen(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("ssh-keygen")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("ssh-keygen is not installed; CI must install openssh-client")
		}
		t.Skip("ssh-keygen is not installed")
	}
	return path
}

func run(t *testing.T, name string, stdin []byte, args ...string) ([]byte, error) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	return cmd.CombinedOutput()
}

// TestSSHKeygenInterop signs with ssh-keygen and verifies here, and signs
// here and verifies with ssh-keygen, for each kind of key.
func TestSSHKeygenInterop(t *testing.T) {
	keygen := sshKeygen(t)
	for _, kind := range []string{"ed25519", "ecdsa", "rsa"} {
		t.Run(kind, func(t *testing.T) {
			dir := t.TempDir()
			key := filepath.Join(dir, "id_"+kind)
			if out, err := run(t, keygen, nil, "-q", "-t", kind, "-N", "", "-C", "ada@example.org", "-f", key); err != nil {
				t.Fatalf("ssh-keygen -t %s: %v\n%s", kind, err, out)
			}
			pubText, err := os.ReadFile(key + ".pub")
			if err != nil {
				t.Fatal(err)
			}
			registered, err := ParseKey(string(pubText))
			if err != nil {
				t.Fatal(err)
			}
			msgFile := filepath.Join(dir, "message")
			if err := os.WriteFile(msgFile, message, 0o600); err != nil {
				t.Fatal(err)
			}

			// ssh-keygen signs; pamphlet verifies.
			if out, err := run(t, keygen, nil, "-Y", "sign", "-f", key, "-n", Namespace, msgFile); err != nil {
				t.Fatalf("ssh-keygen -Y sign: %v\n%s", err, out)
			}
			theirs, err := os.ReadFile(msgFile + ".sig")
			if err != nil {
				t.Fatal(err)
			}
			pub, err := Verify(string(theirs), Namespace, message)
			if err != nil {
				t.Fatalf("ssh-keygen's signature does not verify here: %v\n%s", err, theirs)
			}
			if !SameKey(pub, registered) {
				t.Error("Verify returned another key than ssh-keygen signed with")
			}
			if _, err := Verify(string(theirs), Namespace, []byte("other text\n")); err == nil {
				t.Error("ssh-keygen's signature verified over other text")
			}

			// pamphlet signs; ssh-keygen verifies.
			signer, closeFn, err := LoadSigner(key, "")
			if err != nil {
				t.Fatal(err)
			}
			defer closeFn()
			ours, err := Sign(signer, Namespace, message)
			if err != nil {
				t.Fatal(err)
			}
			sigFile := filepath.Join(dir, "ours.sig")
			if err := os.WriteFile(sigFile, []byte(ours), 0o600); err != nil {
				t.Fatal(err)
			}
			allowed := filepath.Join(dir, "allowed_signers")
			if err := os.WriteFile(allowed, []byte("ada-okafor namespaces=\""+Namespace+"\" "+string(pubText)), 0o600); err != nil {
				t.Fatal(err)
			}
			verify := []string{"-Y", "verify", "-f", allowed, "-I", "ada-okafor", "-n", Namespace, "-s", sigFile}
			if out, err := run(t, keygen, message, verify...); err != nil {
				t.Fatalf("ssh-keygen -Y verify rejects pamphlet's signature: %v\n%s\n%s", err, out, ours)
			}
			if out, err := run(t, keygen, []byte("other text\n"), verify...); err == nil {
				t.Errorf("ssh-keygen -Y verify accepts pamphlet's signature over other text\n%s", out)
			}
		})
	}
}

// serveAgent runs an in-process ssh-agent holding keys and returns its
// socket.
func serveAgent(t *testing.T, keys ...any) string {
	t.Helper()
	keyring := agent.NewKeyring()
	for _, k := range keys {
		if err := keyring.Add(agent.AddedKey{PrivateKey: k}); err != nil {
			t.Fatal(err)
		}
	}
	sock := filepath.Join(t.TempDir(), "agent.sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skipf("no unix sockets here: %v", err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() { agent.ServeAgent(keyring, c); c.Close() }()
		}
	}()
	return sock
}

func TestLoadSignerAgent(t *testing.T) {
	for name, key := range testKeys(t) {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			block, err := ssh.MarshalPrivateKeyWithPassphrase(key, "test", []byte("secret"))
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(dir, "id")
			if err := os.WriteFile(file, pem.EncodeToMemory(block), 0o600); err != nil {
				t.Fatal(err)
			}
			direct, _ := ssh.NewSignerFromKey(key)
			if err := os.WriteFile(file+".pub", ssh.MarshalAuthorizedKey(direct.PublicKey()), 0o600); err != nil {
				t.Fatal(err)
			}
			if _, _, err := LoadSigner(file, ""); err == nil || !strings.Contains(err.Error(), "ssh-agent") {
				t.Errorf("a protected key without an agent: got %v, want an error that mentions ssh-agent", err)
			}
			empty := serveAgent(t)
			if _, _, err := LoadSigner(file, empty); err == nil || !strings.Contains(err.Error(), "ssh-add") {
				t.Errorf("an agent without the key: got %v, want an error that mentions ssh-add", err)
			}
			sock := serveAgent(t, key)
			for _, path := range []string{file, file + ".pub"} {
				signer, closeFn, err := LoadSigner(path, sock)
				if err != nil {
					t.Fatalf("LoadSigner(%s): %v", filepath.Base(path), err)
				}
				sig, err := Sign(signer, Namespace, message)
				closeFn()
				if err != nil {
					t.Fatal(err)
				}
				pub, err := Verify(sig, Namespace, message)
				if err != nil || !SameKey(pub, direct.PublicKey()) {
					t.Errorf("the agent's signature does not verify: %v", err)
				}
			}
		})
	}
}

// fuzzFile is the page the signatures among FuzzVerify's seeds sign off,
// with the review of testReview, so that a signature the fuzzer finds
// valid can also be written into that page's review block and read back.
const fuzzFile = "content/articles/a.md"

// fuzzPages are one page in each front matter format, without a review.
var fuzzPages = []string{
	"---\ntitle: Flu\n---\nBody\n",
	"+++\ntitle = \"Flu\"\n+++\nBody\n",
	"---json\n{\"title\": \"Flu\"}\n---\nBody\n",
}

// FuzzVerify gives Verify armored text and a message of any bytes. It
// never panics and returns a key exactly when it returns no error; a
// signature that verifies verifies again, by the same key, after each round
// trip it can take: decoded and armored again as Sign writes it, and
// written into a page's review block and read back from the page.
func FuzzVerify(f *testing.F) {
	f.Fuzz(func(t *testing.T, armored string, msg []byte) {
		pub, err := Verify(armored, Namespace, msg)
		if (pub == nil) == (err == nil) {
			t.Fatalf("Verify returned key %v and error %v", pub, err)
		}
		if err != nil {
			return
		}
		again := func(how, sig string, msg []byte) {
			t.Helper()
			got, err := Verify(sig, Namespace, msg)
			if err != nil {
				t.Fatalf("%q verifies, but not %s: %v\n%q", armored, how, err, sig)
			}
			if !SameKey(got, pub) {
				t.Fatalf("%q verifies, but %s by another key", armored, how)
			}
		}
		blob, err := unarmor(armored)
		if err != nil {
			t.Fatalf("%q verifies but does not unarmor: %v", armored, err)
		}
		again("armored again", armor(blob), msg)
		if !bytes.Equal(msg, Message(fuzzFile, testReview(""))) {
			return // a review block could not hold this message
		}
		for _, page := range fuzzPages {
			p, _ := content.ParsePage(fuzzFile, []byte(page))
			out, err := SetBlock(p, testReview(armored))
			if err != nil {
				continue // refusing to write it loses nothing
			}
			q, found := content.ParsePage(fuzzFile, out)
			if len(found) > 0 || q.Meta.Review == nil {
				t.Fatalf("SetBlock wrote a page that does not read back: %v\n%s", found, out)
			}
			again("once written in "+p.Format+" front matter", q.Meta.Review.Signature, Message(q.File, q.Meta.Review))
		}
	})
}

// FuzzVerifyBlob gives Verify signatures of any bytes, armored as Sign
// armors them, so that the fuzzer works on the SSHSIG wire format itself
// rather than on base64. It never panics and returns a key exactly when it
// returns no error; a signature that verifies does not verify with a byte
// more at its end or in another namespace.
func FuzzVerifyBlob(f *testing.F) {
	f.Fuzz(func(t *testing.T, blob, msg []byte) {
		pub, err := Verify(armor(blob), Namespace, msg)
		if (pub == nil) == (err == nil) {
			t.Fatalf("Verify returned key %v and error %v", pub, err)
		}
		if err != nil {
			return
		}
		if _, err := Verify(armor(append(bytes.Clone(blob), 0)), Namespace, msg); err == nil {
			t.Fatalf("%q verifies with a byte more at its end", blob)
		}
		if _, err := Verify(armor(blob), "git", msg); err == nil {
			t.Fatalf("%q verifies in another namespace", blob)
		}
	})
}

// TestDSARefused: DSA signs with SHA-1, like ssh-rsa signatures, and is
// refused both as a registered key and as a signature.
func TestDSARefused(t *testing.T) {
	var params dsa.Parameters
	if err := dsa.GenerateParameters(&params, rand.Reader, dsa.L1024N160); err != nil {
		t.Fatal(err)
	}
	key := &dsa.PrivateKey{PublicKey: dsa.PublicKey{Parameters: params}}
	if err := dsa.GenerateKey(key, rand.Reader); err != nil {
		t.Fatal(err)
	}
	signer, err := ssh.NewSignerFromKey(key)
	if err != nil {
		t.Fatal(err)
	}
	msg := []byte("a page's fingerprint")
	armored, err := Sign(signer, "pamphlet", msg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Verify(armored, "pamphlet", msg); err == nil || !strings.Contains(err.Error(), "DSA") {
		t.Errorf("a DSA signature: %v", err)
	}
	if _, err := ParseKey(string(ssh.MarshalAuthorizedKey(signer.PublicKey()))); err == nil || !strings.Contains(err.Error(), "DSA") {
		t.Errorf("a DSA key: %v", err)
	}
}
