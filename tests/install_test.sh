#!/usr/bin/env bash
# The tool and the library as Debian users expect them (ctest: test_install):
# `cmake --install BUILD --prefix TMP`, then
#  - the README's "Using the library" program, compiled with `pkg-config --cflags --libs cchc`
#    (no --static) against TMP, prints 70.00 for Sở Kế hoạch và Đầu tư (Huế, 2018);
#  - libcchc.so carries its SONAME and exports only the public API (cchc_*);
#  - cchc.pc says prefix=TMP;
#  - each man page renders without a groff warning, has the sections a man page needs, and
#    names every option its command's --help names; every command has one;
#  - the bash completion loads, completes `cchc ra` to rank, and offers each command's options.
#  - the Vietnamese messages (share/locale/vi/LC_MESSAGES/cchc.mo) are installed and the
#    installed tool finds them beside its bin/: LANGUAGE=vi gives "Cách dùng: cchc rank …".
# Usage: install_test.sh SOURCE_DIR BUILD_DIR C_COMPILER
set -u
src=$1 build=$2 cc=$3
tmp=$(mktemp -d "$build/install-test.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

if ! cmake --install "$build" --prefix "$tmp/usr" >"$tmp/install.log" 2>&1; then
	cat "$tmp/install.log"; echo "FAIL: cmake --install $build --prefix $tmp/usr"; exit 1
fi
prefix=$tmp/usr
cli=$prefix/bin/cchc
[ -x "$cli" ] || fail "$cli not installed"

# --- the library through pkg-config -------------------------------------------------------
pc=$(find "$prefix" -name cchc.pc -path '*/pkgconfig/*' | head -n 1)
if [ -z "$pc" ]; then
	fail "no cchc.pc under $prefix"
else
	grep -qx "prefix=$prefix" "$pc" || fail "$pc does not say prefix=$prefix: $(grep '^prefix=' "$pc")"
	grep -qx 'Requires.private: libxml-2.0 gsl' "$pc" || fail "$pc: no Requires.private: libxml-2.0 gsl"
	export PKG_CONFIG_PATH=$(dirname "$pc")
	flags=$(pkg-config --cflags --libs cchc) || fail "pkg-config --cflags --libs cchc"
	# the C block under "## Using the library", exactly as the README shows it
	awk '/^## Using the library/ {s = 1} s && /^```c$/ {c = 1; next} c && /^```$/ {exit} c' \
		"$src/README.md" >"$tmp/example.c"
	[ -s "$tmp/example.c" ] || fail "README.md: no \`\`\`c block under '## Using the library'"
	# shellcheck disable=SC2086
	if "$cc" -std=c11 -Wall -Wextra -Wpedantic -Werror "$tmp/example.c" -o "$tmp/example" $flags \
		2>"$tmp/cc.log"; then
		libdir=$(pkg-config --variable=libdir cchc)
		# (an ASan build's libcchc.so brings libasan, which the example itself does not link first)
		out=$(ASAN_OPTIONS=verify_asan_link_order=0 LD_LIBRARY_PATH=$libdir \
			"$tmp/example" "$(pkg-config --variable=datadir cchc)/criteria/hue-so-2018.xml" \
			"$src/samples/hue-2018/so/skhdt.xml" 2>"$tmp/run.log")
		rc=$?
		[ "$out" = "70.00" ] && [ "$rc" -eq 0 ] ||
			fail "the README's example printed '$out' (exit $rc), expected 70.00: $(cat "$tmp/run.log")"
		LD_LIBRARY_PATH=$libdir ldd "$tmp/example" | grep -q "libcchc.so.0 => $libdir/libcchc.so.0" ||
			fail "the example is not linked to $libdir/libcchc.so.0: $(ldd "$tmp/example" | grep cchc)"
	else
		fail "the README's example does not compile with pkg-config --cflags --libs cchc: $(cat "$tmp/cc.log")"
	fi
	# the archive links with what --static adds (Requires.private, Libs.private), none missing
	static_libs=$(pkg-config --static --libs cchc | sed 's/-lcchc/-Wl,-Bstatic -lcchc -Wl,-Bdynamic/')
	# (an ASan+UBSan build's archive needs their runtimes, which a program links with the flags)
	nm "$(pkg-config --variable=libdir cchc)/libcchc.a" 2>/dev/null | grep -q __asan_report &&
		static_libs="$static_libs -fsanitize=address,undefined"
	# shellcheck disable=SC2086
	if "$cc" -std=c11 "$tmp/example.c" -o "$tmp/example-static" $(pkg-config --cflags cchc) $static_libs \
		2>"$tmp/cc.log"; then
		out=$(ASAN_OPTIONS=verify_asan_link_order=0 "$tmp/example-static" \
			"$(pkg-config --variable=datadir cchc)/criteria/hue-so-2018.xml" "$src/samples/hue-2018/so/skhdt.xml")
		[ "$out" = "70.00" ] || fail "the example linked with libcchc.a printed '$out', expected 70.00"
	else
		fail "the example does not link with libcchc.a and pkg-config --static --libs cchc: $(cat "$tmp/cc.log")"
	fi
	pkg-config --validate cchc || fail "pkg-config --validate cchc"
	[ "cchc $(pkg-config --modversion cchc)" = "$("$cli" --version)" ] ||
		fail "cchc.pc says version $(pkg-config --modversion cchc), $("$cli" --version)"
	so=$(pkg-config --variable=libdir cchc)/libcchc.so
	soname=$(readelf -d "$so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
	[ "$soname" = "libcchc.so.0" ] || fail "$so: SONAME '$soname', expected libcchc.so.0"
	nm -D --defined-only "$so" | awk '$3 != "CCHC_0" {sub(/@.*/, "", $3); print $3}' >"$tmp/exports"
	others=$(grep -v '^cchc_' "$tmp/exports" | tr '\n' ' ')
	[ -z "$others" ] || fail "$so exports symbols outside the API: $others"
	for internal in cchc_xml_parse cchc_arena_alloc cchc_rule_apply cchc_schema_criteria; do
		! grep -qx "$internal" "$tmp/exports" || fail "$so exports the internal $internal"
	done
	for api in cchc_criteria_load cchc_assessment_load cchc_score_compute cchc_ranking_build cchc_diag_get; do
		grep -qx "$api" "$tmp/exports" || fail "$so does not export $api"
	done
fi

# --- the messages in Vietnamese, found beside the installed bin/ ---------------------------
mo=$prefix/share/locale/vi/LC_MESSAGES/cchc.mo
[ -f "$mo" ] || fail "$mo not installed"
usage=$(LANGUAGE=vi LC_ALL=C.UTF-8 "$cli" rank --help | head -n 1)
case $usage in
"Cách dùng: cchc rank "*) ;;
*) fail "the installed cchc under LANGUAGE=vi says '$usage', expected 'Cách dùng: cchc rank …'" ;;
esac

# --- the commands: man pages, completion ---------------------------------------------------
commands=$("$cli" --help | awk '/^Commands:/ {c = 1; next} c && NF {print $1} c && !NF {exit}')
[ -n "$commands" ] || fail "cchc --help lists no commands"
mandir=$prefix/share/man/man1
completion=$prefix/share/bash-completion/completions/cchc
[ -f "$completion" ] || fail "$completion not installed"
# options a --help text names: --long ones and -o
help_options() { grep -oE -- '(^|[ [,(])(--[a-z][a-z0-9-]*|-o)\b' | sed 's/^[ [,(]//' | sort -u; }
if ! command -v groff >/dev/null; then
	fail "groff is not installed (Debian: apt-get install groff-base): the man pages cannot be checked"
fi
pages="cchc"
for c in $commands; do pages="$pages cchc-$c"; done
for page in $pages; do
	f=$mandir/$page.1
	[ -f "$f" ] || { fail "$f: no man page for ${page/cchc-/cchc }"; continue; }
	if command -v groff >/dev/null; then
		warnings=$(groff -k -man -Tutf8 -ww -z "$f" 2>&1)
		[ -z "$warnings" ] || fail "$page.1 renders with warnings: $warnings"
	fi
	grep -q "^\.TH .* \"$("$cli" --version)\" " "$f" || fail "$page.1: its .TH line does not say \"$("$cli" --version)\""
	for section in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" EXAMPLES "SEE ALSO"; do
		grep -qx ".SH \"*$section\"*" "$f" || fail "$page.1: no $section section"
	done
	if command -v lexgrog >/dev/null; then
		lexgrog "$f" >/dev/null 2>&1 || fail "$page.1: lexgrog cannot read its NAME line: $(lexgrog "$f" 2>&1)"
	fi
	[ "$page" = cchc ] && continue
	c=${page#cchc-}
	grep -q "^\.BR cchc\\\\-$c (1)" "$mandir/cchc.1" || fail "cchc.1 does not refer to $page(1)"
	words="$c"
	[ "$c" = plan ] && words="plan status"
	# shellcheck disable=SC2086
	help=$("$cli" $words --help)
	for o in $(help_options <<<"$help"); do
		grep -qF -- "$(sed 's/-/\\-/g' <<<"$o")" "$f" || fail "$page.1 does not describe $o (cchc $c --help names it)"
	done
	# the completion offers the same options as --help, and --help
	# shellcheck disable=SC2016
	offered=$(bash -c 'COMP_WORDS=(cchc $2 -); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	                   source "$1"; _cchc; printf "%s\n" "${COMPREPLY[@]}"' _ "$completion" "$words" | sort -u)
	missing=$(comm -13 <(echo "$offered") <( (help_options <<<"$help"; echo --help) | sort -u) | tr '\n' ' ')
	[ -z "$missing" ] || fail "completion of 'cchc $words -' does not offer $missing(cchc $words --help names them)"
done

# `cchc ra<TAB>` is rank; `cchc rank --format <TAB>` its formats; the commands are --help's
got=$(bash -c 'source "$1" && complete -p cchc >/dev/null && COMP_WORDS=(cchc ra) COMP_CWORD=1 && _cchc &&
               echo "${COMPREPLY[*]}"' _ "$completion" 2>&1)
[ "$got" = rank ] || fail "cchc ra<TAB> completes to '$got', expected rank"
got=$(bash -c 'source "$1"; COMP_WORDS=(cchc rank a.xml --format ""); COMP_CWORD=4; _cchc; echo "${COMPREPLY[*]}"' \
	_ "$completion")
[ "$got" = "text csv json" ] || fail "cchc rank --format <TAB> offers '$got', expected text csv json"
got=$(bash -c 'source "$1"; COMP_WORDS=(cchc ""); COMP_CWORD=1; _cchc; printf "%s\n" "${COMPREPLY[@]}"' \
	_ "$completion" | grep -v '^--' | tr '\n' ' ')
[ "$got" = "$(echo $commands) " ] || fail "cchc <TAB> offers '$got', cchc --help lists '$(echo $commands)'"

if [ "$failures" -ne 0 ]; then
	echo "$failures failure(s)"; exit 1
fi
echo "install test: OK ($prefix: libcchc.so.0, cchc.pc, $(echo $pages | wc -w) man pages, completion)"
