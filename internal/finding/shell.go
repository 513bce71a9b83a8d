package finding

import (
	"strings"
	"unicode"
)

// ShellArg returns s as one word of a shell command, so that a command a
// message suggests can be copied and pasted as it is: s itself when it
// holds only letters (of any script), digits and - _ . / : , + = @ %,
// else s in single quotes, as POSIX shells read them (a single quote in s
// ends the quoting, is written escaped, and the quoting starts again).
func ShellArg(s string) string {
	if s != "" && strings.IndexFunc(s, unsafeInShell) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func unsafeInShell(r rune) bool {
	switch {
	case unicode.IsLetter(r), unicode.IsDigit(r):
		return false
	case strings.ContainsRune("-_./:,+=@%", r):
		return false
	}
	return true
}
