/* Password hashes: Argon2id through libsodium, one implementation for the
 * server's login and `cchc admin user add`. */
#include <sodium.h>
#include <string.h>

#include "store.h"

int srv_password_hash(char out[128], const char *pw)
{
	char hash[crypto_pwhash_STRBYTES];

	if (sodium_init() < 0 || !pw)
		return -1;
	if (crypto_pwhash_str_alg(hash, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                          crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
		return -1;
	memcpy(out, hash, 128);
	out[127] = '\0';
	return 0;
}

int srv_password_verify(const char *hash, const char *pw)
{
	if (sodium_init() < 0 || !hash || !pw)
		return -1;
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0 ? 0 : -1;
}
