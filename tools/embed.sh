#!/bin/sh
# embed.sh OUT.c NAME FILE: write FILE's bytes as a C array NAME (NUL-terminated)
# plus NAME_len, so the binary carries its Lua standard library.
set -e
out=$1 name=$2 file=$3
{
	printf '/* generated from %s by tools/embed.sh; do not edit */\n#include <stddef.h>\n' "$file"
	printf 'const char %s[] = {\n' "$name"
	od -An -v -tx1 "$file" | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'
	printf '0x00 };\nconst size_t %s_len = sizeof %s - 1;\n' "$name" "$name"
} > "$out"
