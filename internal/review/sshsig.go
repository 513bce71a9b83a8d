package review

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/ssh"
)

// Namespace is the SSHSIG namespace of review signatures, so that a
// signature made for Git commits or anything else is never accepted as a
// sign-off, nor a sign-off as anything else.
const Namespace = "pamphlet-review"

const (
	sigMagic   = "SSHSIG"
	sigVersion = 1
	armorBegin = "-----BEGIN SSH SIGNATURE-----"
	armorEnd   = "-----END SSH SIGNATURE-----"
)

// Sign returns an armored SSHSIG signature of message in namespace, as
// `ssh-keygen -Y sign -n NAMESPACE` makes it: SHA-512 of the message, and
// for RSA keys an rsa-sha2-512 signature.
func Sign(signer ssh.Signer, namespace string, message []byte) (string, error) {
	h := sha512.Sum512(message)
	signed := signedData(namespace, "sha512", h[:])
	var sig *ssh.Signature
	var err error
	pub := signer.PublicKey()
	if as, ok := signer.(ssh.AlgorithmSigner); ok && pub.Type() == ssh.KeyAlgoRSA {
		sig, err = as.SignWithAlgorithm(rand.Reader, signed, ssh.KeyAlgoRSASHA512)
	} else {
		sig, err = signer.Sign(rand.Reader, signed)
	}
	if err != nil {
		return "", fmt.Errorf("signing with the %s key: %w", pub.Type(), err)
	}
	if sig.Format == ssh.KeyAlgoRSA {
		return "", errors.New("the signer made an ssh-rsa (SHA-1) signature, which SSH signatures do not accept; use a newer ssh-agent or the key file")
	}
	var blob bytes.Buffer
	blob.WriteString(sigMagic)
	binary.Write(&blob, binary.BigEndian, uint32(sigVersion))
	writeString(&blob, pub.Marshal())
	writeString(&blob, []byte(namespace))
	writeString(&blob, nil) // reserved
	writeString(&blob, []byte("sha512"))
	writeString(&blob, ssh.Marshal(sig))
	return armor(blob.Bytes()), nil
}

// Verify checks an armored SSHSIG signature of message in namespace and
// returns the public key that made it. The caller decides whether that key
// may sign.
func Verify(armored, namespace string, message []byte) (ssh.PublicKey, error) {
	blob, err := unarmor(armored)
	if err != nil {
		return nil, err
	}
	r := reader{data: blob}
	if magic := r.bytes(len(sigMagic)); string(magic) != sigMagic {
		return nil, errors.New("not an SSH signature (no SSHSIG header)")
	}
	if v := r.uint32(); v != sigVersion {
		return nil, fmt.Errorf("SSH signature version %d is not supported", v)
	}
	keyBlob, ns, _, hashAlg, sigBlob := r.string(), r.string(), r.string(), r.string(), r.string()
	if r.err != nil || len(r.data) != 0 {
		return nil, errors.New("the SSH signature is damaged")
	}
	pub, err := ssh.ParsePublicKey(keyBlob)
	if err != nil {
		return nil, fmt.Errorf("the SSH signature holds an unreadable key: %w", err)
	}
	if string(ns) != namespace {
		return nil, fmt.Errorf("the SSH signature is for namespace %q, not %q", ns, namespace)
	}
	var digest []byte
	switch string(hashAlg) {
	case "sha512":
		h := sha512.Sum512(message)
		digest = h[:]
	case "sha256":
		h := sha256.Sum256(message)
		digest = h[:]
	default:
		return nil, fmt.Errorf("the SSH signature uses hash %q; only sha256 and sha512 are accepted", hashAlg)
	}
	sr := reader{data: sigBlob}
	sig := &ssh.Signature{Format: string(sr.string()), Blob: sr.string(), Rest: sr.data}
	if sr.err != nil {
		return nil, errors.New("the SSH signature is damaged")
	}
	switch sig.Format {
	case ssh.KeyAlgoRSA:
		return nil, errors.New("the SSH signature is an ssh-rsa (SHA-1) signature, which is not accepted")
	case ssh.KeyAlgoDSA: //nolint:staticcheck // named to refuse it
		return nil, errors.New("the SSH signature is a DSA (ssh-dss, SHA-1) signature, which is not accepted; sign with an Ed25519, ECDSA or RSA key")
	}
	if err := pub.Verify(signedData(string(ns), string(hashAlg), digest), sig); err != nil {
		return nil, errors.New("the SSH signature does not match this text: it was made over different text or has been altered")
	}
	return pub, nil
}

// signedData is what the key actually signs (PROTOCOL.sshsig).
func signedData(namespace, hashAlg string, digest []byte) []byte {
	var b bytes.Buffer
	b.WriteString(sigMagic)
	writeString(&b, []byte(namespace))
	writeString(&b, nil)
	writeString(&b, []byte(hashAlg))
	writeString(&b, digest)
	return b.Bytes()
}

func writeString(b *bytes.Buffer, s []byte) {
	binary.Write(b, binary.BigEndian, uint32(len(s)))
	b.Write(s)
}

// reader reads SSH wire-format values; the first failure sticks in err.
type reader struct {
	data []byte
	err  error
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.data) {
		r.err = errors.New("short")
		return nil
	}
	b := r.data[:n]
	r.data = r.data[n:]
	return b
}

func (r *reader) uint32() uint32 {
	b := r.bytes(4)
	if b == nil {
		return 0
	}
	return binary.BigEndian.Uint32(b)
}

func (r *reader) string() []byte {
	n := r.uint32()
	if r.err != nil || uint64(n) > uint64(len(r.data)) {
		r.err = errors.New("short")
		return nil
	}
	return r.bytes(int(n))
}

// armor writes blob as ssh-keygen does: base64 in lines of 70 characters
// between BEGIN and END lines, ending with a newline.
func armor(blob []byte) string {
	enc := base64.StdEncoding.EncodeToString(blob)
	var b strings.Builder
	b.WriteString(armorBegin + "\n")
	for len(enc) > 70 {
		b.WriteString(enc[:70] + "\n")
		enc = enc[70:]
	}
	b.WriteString(enc + "\n" + armorEnd + "\n")
	return b.String()
}

func unarmor(s string) ([]byte, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
	// The lines share "-----", so one string may start with the one and
	// end with the other without holding both.
	if len(s) < len(armorBegin)+len(armorEnd) || !strings.HasPrefix(s, armorBegin) || !strings.HasSuffix(s, armorEnd) {
		return nil, fmt.Errorf("a signature must start with %s and end with %s", armorBegin, armorEnd)
	}
	body := strings.Join(strings.Fields(s[len(armorBegin):len(s)-len(armorEnd)]), "")
	blob, err := base64.StdEncoding.DecodeString(body)
	if err != nil {
		return nil, errors.New("the signature is not valid base64; it may have been cut or edited")
	}
	return blob, nil
}
